import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordAttempt, recordOutcome } from '../../data/repositories/outreach';
import type { SignalDetail } from '../../data/repositories/signals';
import type { SignalData } from '../../domain/signals/signal-schema';
import { isOpenStatus } from '../../domain/signals/lifecycle';
import type { AttemptKind, HelpDestination } from '../../domain/signals/outreach-values';
import {
  ATTEMPT_KINDS,
  HELP_DESTINATIONS,
  NO_CONTACT_AFTER_ATTEMPTS,
} from '../../domain/signals/outreach-values';
import { addressLine } from '../../domain/vroegsignalen/day-list';
import type { VisitOutcome } from '../../domain/vroegsignalen/outreach';
import { paths } from '../paths';
import type { SignalSetup } from '../signals/use-signal-context';
import '../signals/signals.css';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { FormField, SelectInput } from '../components/form-field';
import { SignalScreen } from '../signals/signal-screen';
import {
  AttemptHistory,
  ConsentTick,
  NoContactHint,
  VisitFeedback,
  useVisitActions,
} from './visit-parts';
import { DoorVisit } from './door-visit';

/**
 * The visit screen of one address: what the visit needs (address, household, kind and months
 * of arrears, earlier attempts), one tap per attempt, the outcome, and, with the resident's
 * consent, a check or a new signal linked to this vroegsignaal.
 */
export function VisitPage() {
  const { t } = useTranslation();
  const notFound = t('outreach.problem.notFound');
  return (
    <SignalScreen
      texts={{
        loading: t('outreach.loading'),
        needRole: t('outreach.needRole'),
        locked: t('outreach.locked'),
        notFound,
      }}
    >
      {(detail, setup) =>
        // A record whose data this device cannot read is no address to visit.
        detail.data === null ? (
          <Notice>{notFound}</Notice>
        ) : detail.data.source === 'campagne' ? (
          <DoorVisit detail={detail} data={detail.data} setup={setup} />
        ) : (
          <Visit detail={detail} data={detail.data} setup={setup} />
        )
      }
    </SignalScreen>
  );
}

function Visit({
  detail,
  data,
  setup,
}: {
  detail: SignalDetail;
  data: SignalData;
  setup: SignalSetup;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { record, state } = detail;
  const { busy, feedback, run, startLinkedCheck } = useVisitActions(record, setup);
  const [helpTo, setHelpTo] = useState<HelpDestination | ''>('');
  const [askHelpTo, setAskHelpTo] = useState(false);
  const [consent, setConsent] = useState(false);
  const closed = state.status === 'afgerond';
  const address = addressLine({
    street: data.street ?? data.contactValue,
    houseNumber: data.houseNumber ?? null,
    houseNumberSuffix: data.houseNumberSuffix ?? null,
  });

  const attempt = (kind: AttemptKind) =>
    void run(
      () => recordAttempt(record.id, kind, setup.context),
      t('outreach.visit.saved', { attempt: t(`outreach.attempt.${kind}`) }),
    );

  const outcome = async (value: VisitOutcome, label: string) => {
    const ok = await run(
      () => recordOutcome(record.id, value, setup.context),
      t('outreach.visit.saved', { attempt: label }),
    );
    if (ok) setAskHelpTo(false);
  };

  const canNoContact =
    isOpenStatus(state.status) &&
    state.status !== 'nieuw' &&
    state.attemptsSincePickup >= NO_CONTACT_AFTER_ATTEMPTS;

  return (
    <article className="detail visit">
      <Paragraph>
        <AppLink to={paths.dayList.href()}>{t('outreach.visit.back')}</AppLink>
      </Paragraph>
      <Heading level={1}>{address}</Heading>
      <dl className="facts">
        <dt>{t('outreach.visit.address')}</dt>
        <dd>{[address, data.postcode, data.city].filter(Boolean).join(', ')}</dd>
        {data.residentName !== data.contactValue && (
          <>
            <dt>{t('outreach.visit.household')}</dt>
            <dd>{data.residentName}</dd>
          </>
        )}
        <dt>{t('outreach.filter.creditor')}</dt>
        <dd>{t(`outreach.creditor.${data.creditorType ?? 'unknown'}`)}</dd>
        {data.monthsInArrears !== undefined && (
          <>
            <dt>{t('outreach.monthsLabel')}</dt>
            <dd>{data.monthsInArrears}</dd>
          </>
        )}
        <dt>{t('outreach.visit.status')}</dt>
        <dd>
          {t(`signals.status.${state.status}`)}
          {state.closeReason === 'opgelost-door-schuldeiser' && (
            <> · {t('outreach.outcome.closedResolved')}</>
          )}
        </dd>
      </dl>

      <VisitFeedback feedback={feedback} />

      <section aria-labelledby="visit-attempts-title">
        <Heading level={2} id="visit-attempts-title">
          {t('outreach.visit.attemptsTitle')}
        </Heading>
        <Paragraph>{t('outreach.visit.attemptsIntro')}</Paragraph>
        <div className="signal-actions">
          {ATTEMPT_KINDS.map((kind) => (
            <Button
              key={kind}
              purpose="secondary"
              disabled={busy || closed}
              onClick={() => attempt(kind)}
            >
              {t(`outreach.attempt.${kind}`)}
            </Button>
          ))}
        </div>
        <Heading level={3}>{t('outreach.visit.history')}</Heading>
        <AttemptHistory state={state} workerId={setup.worker.id} />
      </section>

      <section aria-labelledby="visit-outcome-title">
        <Heading level={2} id="visit-outcome-title">
          {t('outreach.outcome.title')}
        </Heading>
        {state.help === 'aanvaard' && state.helpTo && (
          <Paragraph>
            {t('outreach.outcome.helpCurrent', { to: t(`outreach.helpTo.${state.helpTo}`) })}
          </Paragraph>
        )}
        {state.help === 'geweigerd' && (
          <Paragraph>{t('outreach.outcome.helpRefusedCurrent')}</Paragraph>
        )}
        <div className="signal-actions">
          <Button
            purpose="secondary"
            disabled={busy || closed || state.firstContactAt !== null}
            onClick={() => void outcome({ kind: 'contact-gelegd' }, t('outreach.outcome.contact'))}
          >
            {t('outreach.outcome.contact')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed}
            aria-expanded={askHelpTo}
            onClick={() => setAskHelpTo((v) => !v)}
          >
            {t('outreach.outcome.helpAccepted')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed}
            onClick={() =>
              void outcome({ kind: 'hulp-geweigerd' }, t('outreach.outcome.helpRefused'))
            }
          >
            {t('outreach.outcome.helpRefused')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || !canNoContact}
            onClick={() => void outcome({ kind: 'geen-contact' }, t('outreach.outcome.noContact'))}
          >
            {t('outreach.outcome.noContact')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed}
            onClick={() =>
              void outcome({ kind: 'opgelost-door-schuldeiser' }, t('outreach.outcome.resolved'))
            }
          >
            {t('outreach.outcome.resolved')}
          </Button>
        </div>
        {!canNoContact && !closed && <NoContactHint state={state} />}
        {askHelpTo && (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (helpTo) {
                void outcome({ kind: 'hulp-aanvaard', helpTo }, t('outreach.outcome.helpAccepted'));
              }
            }}
          >
            <FormField htmlFor="visit-help-to" label={t('outreach.outcome.helpTo')}>
              <SelectInput
                id="visit-help-to"
                value={helpTo}
                onChange={(e) =>
                  setHelpTo(HELP_DESTINATIONS.find((d) => d === e.target.value) ?? '')
                }
              >
                <option value="" />
                {HELP_DESTINATIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`outreach.helpTo.${d}`)}
                  </option>
                ))}
              </SelectInput>
            </FormField>
            <Button type="submit" disabled={busy || !helpTo}>
              {t('outreach.outcome.helpToSave')}
            </Button>
          </form>
        )}
      </section>

      <section aria-labelledby="visit-further-title">
        <Heading level={2} id="visit-further-title">
          {t('outreach.further.title')}
        </Heading>
        <Paragraph>{t('outreach.further.intro')}</Paragraph>
        <ConsentTick consent={consent} onChange={setConsent} />
        <div className="signal-actions">
          <Button disabled={busy || !consent} onClick={() => void startLinkedCheck(consent)}>
            {t('outreach.further.check')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || !consent}
            onClick={() =>
              void navigate(
                paths.newSignal.href({ wijk: record.wijk, signaal: record.id, toestemming: 'ja' }),
              )
            }
          >
            {t('outreach.further.signal')}
          </Button>
        </div>
      </section>

      <Paragraph>
        <AppLink to={paths.signal.href(record.id)}>{t('outreach.visit.fullSignal')}</AppLink>
      </Paragraph>
    </article>
  );
}
