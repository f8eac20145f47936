import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRecord } from '../../data/repositories/checks';
import { useCheckFlow } from './check-flow';
import {
  NOT_APPLIED_REASONS,
  REJECTION_REASONS,
  TAKE_UP_REMINDER_DAYS,
  TAKE_UP_STATUSES,
  isApplied,
  takeUpReminders,
  type TakeUpEntry,
  type TakeUpStatus,
} from '../../domain/insight/take-up';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { SelectInput, TextInput } from '../components/form-field';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * After a completed check: per suggested regeling, what happened — aangevraagd (with the day),
 * toegekend, afgewezen (why) or niet aangevraagd (why). The "bereik en gebruik" the policy
 * steers on; the coordinator only ever sees the counts.
 */
export function TakeUpPanel({
  check,
  names,
  onChange,
}: {
  check: CheckRecord;
  names: (id: string) => string;
  onChange: (c: CheckRecord) => void;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const flow = useCheckFlow(check.id);
  const suggested = check.data.suggested ?? [];
  if (check.status !== 'afgerond' || suggested.length === 0) return null;
  const takeUp = check.data.takeUp ?? {};
  const waiting = takeUpReminders(suggested, takeUp, check.data.completedAt, new Date());

  async function save(id: string, entry: Omit<TakeUpEntry, 'recordedAt'>) {
    setFailed(false);
    try {
      onChange(await flow.recordTakeUp(id, entry));
    } catch {
      setFailed(true);
    }
  }

  return (
    <section aria-labelledby="takeup-heading" className="take-up">
      <Heading level={2} id="takeup-heading">
        {t('checkUi.takeUp.title')}
      </Heading>
      <Paragraph className="muted">{t('checkUi.takeUp.intro')}</Paragraph>
      {waiting.length > 0 && (
        <Notice type="warning" role="status">
          {t('checkUi.takeUp.reminder', { count: waiting.length, days: TAKE_UP_REMINDER_DAYS })}
        </Notice>
      )}
      <ul className="take-up-list">
        {suggested.map((id) => {
          const entry = takeUp[id];
          const label = names(id);
          const status = entry?.status;
          return (
            <li key={id}>
              <label>
                <span className="take-up-name">{label}</span>
                <SelectInput
                  value={status ?? ''}
                  onChange={(e) => {
                    const next = e.target.value as TakeUpStatus | '';
                    if (!next) return;
                    // An application made together at the table stays so once it is decided.
                    const together =
                      entry?.together && isApplied(next) ? { together: true as const } : {};
                    void save(
                      id,
                      next === 'niet-aangevraagd'
                        ? { status: next }
                        : { status: next, date: today(), ...together },
                    );
                  }}
                >
                  <option value="">{t('checkUi.takeUp.none')}</option>
                  {TAKE_UP_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`checkUi.takeUp.status.${s}`)}
                    </option>
                  ))}
                </SelectInput>
              </label>
              {entry && entry.status !== 'niet-aangevraagd' && (
                <label>
                  {t('checkUi.takeUp.date')}
                  <TextInput
                    type="date"
                    value={entry.date ?? ''}
                    max={today()}
                    onChange={(e) => {
                      if (e.target.value)
                        void save(id, { ...stripRecorded(entry), date: e.target.value });
                    }}
                  />
                </label>
              )}
              {entry?.status === 'niet-aangevraagd' && (
                <label>
                  {t('checkUi.takeUp.why')}
                  <SelectInput
                    value={entry.notAppliedReason ?? ''}
                    onChange={(e) => {
                      const reason = NOT_APPLIED_REASONS.find((r) => r === e.target.value);
                      if (reason)
                        void save(id, { status: 'niet-aangevraagd', notAppliedReason: reason });
                    }}
                  >
                    <option value="">{t('checkUi.takeUp.choose')}</option>
                    {NOT_APPLIED_REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`checkUi.takeUp.notApplied.${r}`)}
                      </option>
                    ))}
                  </SelectInput>
                </label>
              )}
              {entry?.status === 'afgewezen' && (
                <label>
                  {t('checkUi.takeUp.why')}
                  <SelectInput
                    value={entry.rejectionReason ?? ''}
                    onChange={(e) => {
                      const reason = REJECTION_REASONS.find((r) => r === e.target.value);
                      if (reason)
                        void save(id, { ...stripRecorded(entry), rejectionReason: reason });
                    }}
                  >
                    <option value="">{t('checkUi.takeUp.choose')}</option>
                    {REJECTION_REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`checkUi.takeUp.rejected.${r}`)}
                      </option>
                    ))}
                  </SelectInput>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      {failed && (
        <Notice type="error" role="alert">
          {t('checkUi.takeUp.failed')}
        </Notice>
      )}
    </section>
  );
}

function stripRecorded(entry: TakeUpEntry): Omit<TakeUpEntry, 'recordedAt'> {
  const { recordedAt: _at, ...rest } = entry;
  return rest;
}
