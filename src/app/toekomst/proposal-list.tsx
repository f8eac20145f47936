import { useMemo, useState } from 'react';

import { useTranslation } from 'react-i18next';
import type { ToekomstWorker, Trajectory } from '../../data/repositories/toekomst';
import { recordStep } from '../../data/repositories/toekomst';
import type { Intake } from '../../domain/toekomst/toekomst-schema';
import { matchOffers } from '../../domain/toekomst/matching';
import { OFFERS } from '../../domain/toekomst/offers';
import { paths } from '../paths';
import { reasonText } from './reason-text';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * The offers that fit her wish, barriers and time, each with its reasons. A step starts in one
 * tap: "Kennismaken" or "Aanmelden". An offer that is not there yet says so and cannot be chosen.
 */
export function ProposalList({
  trajectory,
  intake,
  worker,
}: {
  trajectory: Trajectory;
  intake: Intake;
  worker: ToekomstWorker;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const proposals = useMemo(() => matchOffers(OFFERS, intake), [intake]);
  const inPlan = new Set(trajectory.plan.steps.map((s) => s.offerId));

  async function start(offerId: string, to: 'kennismaking' | 'aangemeld') {
    setFailed(false);
    try {
      const result = await recordStep(trajectory.record.id, { offerId, to }, { worker });
      if (!result.ok) setFailed(true);
    } catch {
      setFailed(true);
    }
  }

  return (
    <section aria-labelledby="proposals-heading">
      <Heading level={2} id="proposals-heading">
        {t('toekomst.proposals.title')}
      </Heading>
      {proposals.length === 0 && <Paragraph>{t('toekomst.proposals.none')}</Paragraph>}
      <ul className="card-list">
        {proposals.map(({ offer, available, reasons }) => (
          <li
            key={offer.id}
            className={`card proposal${available ? '' : ' proposal-waiting'}`}
            data-offer={offer.id}
          >
            <Heading level={3} className="card-title">
              {offer.name}
            </Heading>
            {!available && (
              <Paragraph className="badge badge-waiting">
                {t('toekomst.proposals.notYet')}
              </Paragraph>
            )}
            <Paragraph>{offer.summary}</Paragraph>
            <ul className="small">
              {reasons.map((r, i) => (
                <li key={i}>{reasonText(t, r)}</li>
              ))}
            </ul>
            {offer.regeling && (
              <Paragraph className="small">
                <AppLink to={paths.regeling.href(offer.regeling)}>
                  {t('toekomst.proposals.more')}
                </AppLink>
              </Paragraph>
            )}
            {available && !inPlan.has(offer.id) && (
              <div className="toekomst-actions">
                <Button purpose="secondary" onClick={() => void start(offer.id, 'kennismaking')}>
                  {t('toekomst.proposals.meet', { name: offer.name })}
                </Button>
                <Button onClick={() => void start(offer.id, 'aangemeld')}>
                  {t('toekomst.proposals.signUp', { name: offer.name })}
                </Button>
              </div>
            )}
            {inPlan.has(offer.id) && (
              <Paragraph className="muted small">{t('toekomst.proposals.inPlan')}</Paragraph>
            )}
          </li>
        ))}
      </ul>
      {failed && (
        <Notice type="error" role="alert">
          {t('toekomst.saveFailed')}
        </Notice>
      )}
    </section>
  );
}
