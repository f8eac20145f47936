import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  recordAttempt,
  recordDoorRefusal,
  recordDoorTalk,
  recordOutcome,
} from '../../data/repositories/outreach';
import type { SignalDetail } from '../../data/repositories/signals';
import { isOpenStatus } from '../../domain/signals/lifecycle';
import type { DoorAnswer, DoorAnswers, DoorDomain } from '../../domain/signals/outreach-values';
import {
  DOOR_ANSWERS,
  DOOR_DOMAINS,
  NO_CONTACT_AFTER_ATTEMPTS,
} from '../../domain/signals/outreach-values';
import type { SignalData } from '../../domain/signals/signal-schema';
import { DOOR_DOMAIN_CATEGORY } from '../../domain/vroegsignalen/campaign';
import { currentAnswers, doorOutcome } from '../../domain/vroegsignalen/campaign-outcome';
import { addressLine } from '../../domain/vroegsignalen/day-list';
import { paths } from '../paths';
import type { SignalSetup } from '../signals/use-signal-context';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { RadioButton } from '../components/form-field';
import type { VisitWrite } from './visit-parts';
import {
  AttemptHistory,
  ConsentTick,
  NoContactHint,
  VisitFeedback,
  useVisitActions,
} from './visit-parts';

const notAsked = (): Record<DoorDomain, DoorAnswer> =>
  Object.fromEntries(DOOR_DOMAINS.map((d) => [d, 'niet-gevraagd'])) as Record<
    DoorDomain,
    DoorAnswer
  >;

/**
 * A door-to-door campaign's address at the door: niet thuis, geweigerd, leegstand or adres
 * onbekend in one tap; "gesproken" opens the short questionnaire (zorg / geen zorg / niet
 * gevraagd per domain), saved with the visit. A worry then starts a signal in that domain, or
 * a check, with the resident's consent — as on the vroegsignaal's visit screen.
 */
export function DoorVisit({
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
  const { busy, feedback, run: write, startLinkedCheck } = useVisitActions(record, setup);
  const [asking, setAsking] = useState(false);
  const [answers, setAnswers] = useState(notAsked);
  const [consent, setConsent] = useState(false);
  const closed = state.status === 'afgerond';
  const outcome = doorOutcome(state);
  const worries = DOOR_DOMAINS.filter((d) => currentAnswers(state)[d] === 'zorg');
  const address = addressLine({
    street: data.street ?? data.contactValue,
    houseNumber: data.houseNumber ?? null,
    houseNumberSuffix: data.houseNumberSuffix ?? null,
  });
  const canNoContact =
    isOpenStatus(state.status) &&
    state.status !== 'nieuw' &&
    state.firstContactAt === null &&
    state.attemptsSincePickup >= NO_CONTACT_AFTER_ATTEMPTS;

  const run = (action: VisitWrite, done: string) =>
    write(action, t('outreach.visit.saved', { attempt: done }));

  async function saveTalk(e: React.FormEvent) {
    e.preventDefault();
    // Only what was asked is stored; "niet gevraagd" is the absence of an answer.
    const given: DoorAnswers = {};
    for (const d of DOOR_DOMAINS) if (answers[d] !== 'niet-gevraagd') given[d] = answers[d];
    const ok = await run(
      () => recordDoorTalk(record.id, given, setup.context),
      t('campaign.door.talked'),
    );
    if (ok) {
      setAsking(false);
      setAnswers(notAsked());
    }
  }

  return (
    <article className="detail visit" data-testid="door-visit">
      <Paragraph>
        <AppLink to={paths.dayList.href()}>{t('outreach.visit.back')}</AppLink>
      </Paragraph>
      <Heading level={1}>{address}</Heading>
      <dl className="facts">
        <dt>{t('outreach.visit.address')}</dt>
        <dd>{[address, data.postcode, data.city].filter(Boolean).join(', ')}</dd>
        <dt>{t('campaign.door.campaign')}</dt>
        <dd>{data.campaignName}</dd>
        <dt>{t('campaign.door.outcome')}</dt>
        <dd data-testid="door-outcome">{t(`campaign.outcome.${outcome}`)}</dd>
      </dl>

      <VisitFeedback feedback={feedback} />

      <section aria-labelledby="door-title">
        <Heading level={2} id="door-title">
          {t('campaign.door.title')}
        </Heading>
        <div className="signal-actions">
          <Button
            purpose="secondary"
            disabled={busy || closed}
            onClick={() =>
              void run(
                () => recordAttempt(record.id, 'huisbezoek-niet-thuis', setup.context),
                t('outreach.attempt.huisbezoek-niet-thuis'),
              )
            }
          >
            {t('outreach.attempt.huisbezoek-niet-thuis')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed}
            aria-expanded={asking}
            onClick={() => setAsking((v) => !v)}
          >
            {t('campaign.door.talk')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed || state.help !== null}
            onClick={() =>
              void run(
                () => recordDoorRefusal(record.id, setup.context),
                t('campaign.outcome.geweigerd'),
              )
            }
          >
            {t('campaign.door.refused')}
          </Button>
          <Button
            purpose="secondary"
            disabled={busy || closed}
            onClick={() =>
              void run(
                () => recordAttempt(record.id, 'brief', setup.context),
                t('outreach.attempt.brief'),
              )
            }
          >
            {t('outreach.attempt.brief')}
          </Button>
          {(['leegstand', 'adres-onbekend'] as const).map((reason) => (
            <Button
              key={reason}
              purpose="secondary"
              disabled={busy || closed || state.firstContactAt !== null}
              onClick={() =>
                void run(
                  () => recordOutcome(record.id, { kind: 'adres-vervalt', reason }, setup.context),
                  t(`campaign.outcome.${reason}`),
                )
              }
            >
              {t(`campaign.outcome.${reason}`)}
            </Button>
          ))}
          <Button
            purpose="secondary"
            disabled={busy || !canNoContact}
            onClick={() =>
              void run(
                () => recordOutcome(record.id, { kind: 'geen-contact' }, setup.context),
                t('outreach.outcome.noContact'),
              )
            }
          >
            {t('outreach.outcome.noContact')}
          </Button>
        </div>
        {!canNoContact && !closed && state.firstContactAt === null && (
          <NoContactHint state={state} />
        )}
      </section>

      {asking && (
        <form
          className="form"
          aria-labelledby="door-questions-title"
          onSubmit={(e) => void saveTalk(e)}
        >
          <Heading level={2} id="door-questions-title">
            {t('campaign.questions.title')}
          </Heading>
          <Paragraph>{t('campaign.questions.intro')}</Paragraph>
          {DOOR_DOMAINS.map((domain) => (
            <fieldset key={domain} className="choice-group" data-domain={domain}>
              <legend>
                <strong>{t(`campaign.domain.${domain}.name`)}</strong>:{' '}
                {t(`campaign.domain.${domain}.question`)}
              </legend>
              {DOOR_ANSWERS.map((answer) => (
                <label key={answer} className="choice-row">
                  <span>
                    <RadioButton
                      name={`door-${domain}`}
                      value={answer}
                      checked={answers[domain] === answer}
                      onChange={() => setAnswers((a) => ({ ...a, [domain]: answer }))}
                    />{' '}
                    {t(`campaign.answer.${answer}`)}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <Button type="submit" disabled={busy}>
            {t('campaign.questions.save')}
          </Button>
        </form>
      )}

      <section aria-labelledby="door-further-title">
        <Heading level={2} id="door-further-title">
          {t('outreach.further.title')}
        </Heading>
        {worries.length === 0 ? (
          <Paragraph className="muted">{t('campaign.further.noWorries')}</Paragraph>
        ) : (
          <Paragraph>
            {t('campaign.further.worries', {
              domains: worries.map((d) => t(`campaign.domain.${d}.name`)).join(', '),
            })}
          </Paragraph>
        )}
        <Paragraph>{t('outreach.further.intro')}</Paragraph>
        <ConsentTick consent={consent} onChange={setConsent} />
        <div className="signal-actions">
          {worries.map((domain) => (
            <Button
              key={domain}
              disabled={busy || !consent}
              onClick={() =>
                void navigate(
                  paths.newSignal.href({
                    wijk: record.wijk,
                    signaal: record.id,
                    toestemming: 'ja',
                    categorie: DOOR_DOMAIN_CATEGORY[domain],
                  }),
                )
              }
            >
              {t('campaign.further.signal', { domain: t(`campaign.domain.${domain}.name`) })}
            </Button>
          ))}
          <Button
            purpose="secondary"
            disabled={busy || !consent}
            onClick={() => void startLinkedCheck(consent)}
          >
            {t('outreach.further.check')}
          </Button>
        </div>
      </section>

      <section aria-labelledby="door-history-title">
        <Heading level={2} id="door-history-title">
          {t('outreach.visit.history')}
        </Heading>
        <AttemptHistory state={state} workerId={setup.worker.id} />
      </section>
    </article>
  );
}
