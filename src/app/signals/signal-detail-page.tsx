import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalAction, SignalDetail } from '../../data/repositories/signals';
import { ACTION_PROBLEMS_NL, recordSignalEvent } from '../../data/repositories/signals';
import type { HandoverTarget } from '../../domain/signals/handover';
import { handoverChoices } from '../../domain/signals/handover';
import { placesFor } from '../../domain/directory/dichtbij';
import { PlaceCard } from '../directory/place-card';
import { useCatalogue } from '../use-catalogue';
import type { SignalStatus } from '../../domain/signals/lifecycle';
import type { HistoryStep } from '../../domain/signals/signal-state';
import { allowedTransitions, isOverdue, isOpenStatus } from '../../domain/signals/lifecycle';
import { paths } from '../paths';
import { ToekomstReferralCard } from '../toekomst/referral-card';
import type { SignalSetup } from './use-signal-context';
import { HelpOutcomeActions } from './help-outcome';
import './signals.css';
import { currentFormat } from '../i18n/format';
import { PersonalTextArea } from '../components/personal-text-area';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { SelectInput, TextInput } from '../components/form-field';
import { SignalScreen } from './signal-screen';
import { localDate } from '../../domain/calendar';

type ActionKind = { type: 'status'; to: SignalStatus } | { type: 'handover' } | { type: 'note' };

const STATUS_ACTION_LABEL: Record<SignalStatus, string> = {
  nieuw: 'signals.action.opnieuw',
  opgepakt: 'signals.action.oppakken',
  'contact-gelegd': 'signals.action.contactGelegd',
  doorverwezen: 'signals.action.doorverwijzen',
  afgerond: 'signals.action.afronden',
  'geen-contact-mogelijk': 'signals.action.geenContact',
};

function formatDateTime(iso: string): string {
  return currentFormat().dateTime(iso);
}

function formatDate(date: string): string {
  return currentFormat().date(date);
}

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input wants it. */
function localDateTime(date: Date): string {
  return `${localDate(date)}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The signal with its history and the steps that are possible now. */
export function SignalDetailPage() {
  const { t } = useTranslation();
  return (
    <SignalScreen
      texts={{
        loading: t('signals.loading'),
        needRole: t('signals.needRole'),
        locked: t('signals.locked'),
        notFound: t('signals.notFound'),
      }}
    >
      {(detail, setup) => <SignalView detail={detail} setup={setup} />}
    </SignalScreen>
  );
}

function targetName(target: HandoverTarget | undefined, setup: SignalSetup): string {
  if (!target) return '';
  if (target.kind === 'team') {
    return setup.directory.teams.find((x) => x.id === target.id)?.name ?? target.id;
  }
  return setup.directory.organisations.find((o) => o.id === target.id)?.name ?? target.id;
}

function HistoryLine({ step, setup }: { step: HistoryStep; setup: SignalSetup }) {
  const { t } = useTranslation();
  const who =
    step.by === setup.worker.id
      ? t('signals.history.byYou')
      : step.body.authorRole
        ? t('signals.history.byRole', { role: t(`role.${step.body.authorRole}`) })
        : '';
  let what: string;
  if (step.kind === 'created') what = t('signals.history.created');
  else if (step.kind === 'handover') {
    what = t('signals.history.handover', { target: targetName(step.body.target, setup) });
  } else if (step.kind === 'note') what = t('signals.history.note');
  else if (step.kind === 'attempt' && step.body.attempt) {
    what = t(`outreach.attempt.${step.body.attempt}`);
  } else if (step.kind === 'help' && step.body.help) {
    what =
      step.body.help === 'aanvaard' && step.body.helpTo
        ? t('outreach.outcome.helpCurrent', { to: t(`outreach.helpTo.${step.body.helpTo}`) })
        : t(`signals.help.${step.body.help}`);
  } else what = t(`signals.status.${step.to ?? 'nieuw'}`);
  return (
    <li>
      <strong>{what}</strong>{' '}
      <span className="muted small">
        {formatDateTime(step.at)} {who}
      </span>
      {step.kind === 'status' && step.to === 'doorverwezen' && step.body.target && (
        <div>
          {t('signals.history.referredTo', { target: targetName(step.body.target, setup) })}
        </div>
      )}
      {step.body.contactAt && (
        <div className="small">
          {t('signals.history.contactAt', { date: formatDateTime(step.body.contactAt) })}
        </div>
      )}
      {step.body.closeReason === 'opgelost-door-schuldeiser' && (
        <div className="small">{t('outreach.outcome.closedResolved')}</div>
      )}
      {step.body.message && <Paragraph>{step.body.message}</Paragraph>}
      {step.body.redacted && (
        <Paragraph className="muted small">{t('signals.detail.redacted')}</Paragraph>
      )}
    </li>
  );
}

function SignalView({ detail, setup }: { detail: SignalDetail; setup: SignalSetup }) {
  const { t } = useTranslation();
  const { record, data, state } = detail;
  const [action, setAction] = useState<ActionKind | null>(null);
  const today = localDate(new Date());
  const overdue = isOverdue(state.status, record.dueAt, today);
  const steps = allowedTransitions(state.status);

  return (
    <article className="detail signal-detail">
      <Paragraph>
        <AppLink to={paths.signals.href()}>{t('signals.title')}</AppLink>
      </Paragraph>
      <Heading level={1}>
        {data ? t(`signals.category.${data.category}`) : t('signals.title')}{' '}
        <DataBadge>{t(`signals.status.${state.status}`)}</DataBadge>{' '}
        {overdue && <span className="badge-overdue">{t('signals.overdue')}</span>}
      </Heading>
      {!data && <Notice type="warning">{t('signals.detail.unreadable')}</Notice>}
      {data && (
        <dl>
          <dt>{t('signals.detail.resident')}</dt>
          <dd>{data.residentName}</dd>
          <dt>{t('signals.detail.contact')}</dt>
          <dd>
            {t(`signals.contactWay.${data.contactWay}`)}: {data.contactValue}
          </dd>
          <dt>{t('signals.detail.wijk')}</dt>
          <dd>
            {setup.wijken.find((w) => w.id === record.wijk)?.name ?? record.wijk}
            {data.buurt ? ` (${data.buurt})` : ''}
          </dd>
          <dt>{t('signals.field.urgency')}</dt>
          <dd>{t(`signals.urgency.${data.urgency}`)}</dd>
          <dt>{t('signals.field.dueAt')}</dt>
          <dd>{formatDate(data.dueAt)}</dd>
          <dt>{t('signals.detail.consent')}</dt>
          <dd>
            {data.consent === 'gegeven'
              ? t('signals.detail.consentGiven')
              : data.consent === 'wettelijke-taak'
                ? t('outreach.legalBasis')
                : data.consent === 'nog-niet-gevraagd'
                  ? t('campaign.consentNotAsked')
                  : t('signals.detail.consentWithout', { reason: data.consentReason ?? '' })}
          </dd>
          {data.note && (
            <>
              <dt>{t('signals.detail.note')}</dt>
              <dd>{data.note}</dd>
            </>
          )}
          {record.assignedToTeam && (
            <>
              <dt>{t('signals.detail.assignedTeam')}</dt>
              <dd>{targetName({ kind: 'team', id: record.assignedToTeam }, setup)}</dd>
            </>
          )}
        </dl>
      )}
      {state.firstContactAt && (
        <Paragraph>
          {t('signals.detail.firstContact', { date: formatDateTime(state.firstContactAt) })}
        </Paragraph>
      )}
      {data?.category === 'werk-inkomen' && setup.worker.role !== 'toekomstmakelaar' && (
        <ToekomstReferralCard source="signaal" sourceId={record.id} wijk={record.wijk} />
      )}

      <HelpOutcomeActions id={record.id} state={state} setup={setup} />

      <section aria-labelledby="signal-actions-title">
        <Heading level={2} id="signal-actions-title">
          {t('signals.detail.actions')}
        </Heading>
        <div className="signal-actions">
          {steps.map((to) => (
            <Button key={to} onClick={() => setAction({ type: 'status', to })}>
              {t(STATUS_ACTION_LABEL[to])}
            </Button>
          ))}
          {isOpenStatus(state.status) && (
            <Button purpose="secondary" onClick={() => setAction({ type: 'handover' })}>
              {t('signals.action.overdragen')}
            </Button>
          )}
          <Button purpose="secondary" onClick={() => setAction({ type: 'note' })}>
            {t('signals.action.notitie')}
          </Button>
        </div>
        {action && (
          <ActionForm
            key={JSON.stringify(action)}
            id={record.id}
            action={action}
            setup={setup}
            wijk={record.wijk ?? null}
            onDone={() => setAction(null)}
          />
        )}
      </section>

      <section aria-labelledby="signal-history-title">
        <Heading level={2} id="signal-history-title">
          {t('signals.detail.history')}
        </Heading>
        <ol className="signal-history">
          {state.history.map((step, i) => (
            <HistoryLine key={step.eventId ?? `created-${i}`} step={step} setup={setup} />
          ))}
        </ol>
        {state.superseded.length > 0 && (
          <Paragraph className="muted small">{t('signals.history.superseded')}</Paragraph>
        )}
      </section>
    </article>
  );
}

function ActionForm({
  id,
  action,
  setup,
  wijk,
  onDone,
}: {
  id: string;
  action: ActionKind;
  setup: SignalSetup;
  /** The signal's wijk: partners that serve it come first ("dichtbij"). */
  wijk: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState('');
  const [contactAt, setContactAt] = useState(() => localDateTime(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsTarget =
    action.type === 'handover' || (action.type === 'status' && action.to === 'doorverwezen');
  const choices = handoverChoices(setup.directory, { wijk, wijken: catalogue.wijken }).filter(
    (c) => (action.type === 'handover' ? c.kind === 'team' : true),
  );
  // The chosen partner's door, so the worker can tell the resident where and when.
  const chosenPlace = target.startsWith('organisation:')
    ? placesFor(catalogue.organisations, catalogue.wijken, wijk ?? undefined).find(
        (p) => `organisation:${p.organisation.id}` === target,
      )
    : undefined;
  const messageRequired =
    action.type !== 'status' ||
    action.to === 'doorverwezen' ||
    action.to === 'geen-contact-mogelijk';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const chosen = choices.find((c) => `${c.kind}:${c.id}` === target);
    let request: SignalAction;
    if (action.type === 'note') request = { type: 'note', message };
    else if (action.type === 'handover') {
      request = { type: 'handover', target: chosen ?? { kind: 'team', id: '' }, message };
    } else {
      request = { type: 'status', to: action.to, message };
      if (chosen) request.target = chosen;
      if (action.to === 'contact-gelegd' && contactAt) {
        request.contactAt = new Date(contactAt).toISOString();
      }
    }
    try {
      const result = await recordSignalEvent(id, request, setup.context);
      if (result.ok) onDone();
      else {
        setProblem(
          t(`signals.problem.${result.problem}`, {
            defaultValue: ACTION_PROBLEMS_NL[result.problem],
          }),
        );
      }
    } catch {
      setProblem(t('signals.saveFailed'));
    } finally {
      setBusy(false);
    }
  }

  const title =
    action.type === 'note'
      ? t('signals.action.notitie')
      : action.type === 'handover'
        ? t('signals.action.overdragen')
        : t(STATUS_ACTION_LABEL[action.to]);

  return (
    <form
      className="signal-form"
      autoComplete="off"
      onSubmit={(e) => void submit(e)}
      aria-label={title}
    >
      <Heading level={3}>{title}</Heading>
      {problem && (
        <Notice type="error" role="alert">
          {problem}
        </Notice>
      )}
      {needsTarget && (
        <div>
          <label className="field-label" htmlFor="signal-action-target">
            {action.type === 'handover' ? t('signals.action.team') : t('signals.action.target')}
          </label>
          <SelectInput
            id="signal-action-target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('signals.field.choose')}</option>
            {choices.map((c) => (
              <option key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`}>
                {targetName(c, setup)}
              </option>
            ))}
          </SelectInput>
          {chosenPlace && (
            <ul className="card-list places">
              <PlaceCard place={chosenPlace} headingLevel={4} />
            </ul>
          )}
        </div>
      )}
      {action.type === 'status' && action.to === 'contact-gelegd' && (
        <div>
          <label className="field-label" htmlFor="signal-action-contactAt">
            {t('signals.action.contactAt')}
          </label>
          <TextInput
            id="signal-action-contactAt"
            type="datetime-local"
            value={contactAt}
            max={localDateTime(new Date())}
            onChange={(e) => setContactAt(e.target.value)}
          />
        </div>
      )}
      <div>
        <label className="field-label" htmlFor="signal-action-message">
          {messageRequired ? t('signals.action.message') : t('signals.action.messageOptional')}
        </label>
        <PersonalTextArea
          id="signal-action-message"
          value={message}
          rows={3}
          maxLength={500}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <div className="signal-actions">
        <Button type="submit" disabled={busy}>
          {t('signals.action.confirm')}
        </Button>
        <Button purpose="secondary" onClick={onDone}>
          {t('signals.action.cancel')}
        </Button>
      </div>
    </form>
  );
}
