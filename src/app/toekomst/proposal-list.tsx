import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ToekomstWorker, Trajectory } from '../../data/repositories/toekomst';
import { recordStep } from '../../data/repositories/toekomst';
import type { Intake } from '../../domain/toekomst/toekomst-schema';
import { matchOffers } from '../../domain/toekomst/matching';
import { OFFERS } from '../../domain/toekomst/offers';
import { paths } from '../paths';
import { reasonText } from './reason-text';

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
      <h2 id="proposals-heading">{t('toekomst.proposals.title')}</h2>
      {proposals.length === 0 && <p>{t('toekomst.proposals.none')}</p>}
      <ul className="card-list">
        {proposals.map(({ offer, available, reasons }) => (
          <li
            key={offer.id}
            className={`card proposal${available ? '' : ' proposal-waiting'}`}
            data-offer={offer.id}
          >
            <h3 className="card-title">{offer.name}</h3>
            {!available && <p className="badge badge-waiting">{t('toekomst.proposals.notYet')}</p>}
            <p>{offer.summary}</p>
            <ul className="small">
              {reasons.map((r, i) => (
                <li key={i}>{reasonText(t, r)}</li>
              ))}
            </ul>
            {offer.regeling && (
              <p className="small">
                <Link to={paths.regeling.href(offer.regeling)}>{t('toekomst.proposals.more')}</Link>
              </p>
            )}
            {available && !inPlan.has(offer.id) && (
              <div className="toekomst-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void start(offer.id, 'kennismaking')}
                >
                  {t('toekomst.proposals.meet', { name: offer.name })}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => void start(offer.id, 'aangemeld')}
                >
                  {t('toekomst.proposals.signUp', { name: offer.name })}
                </button>
              </div>
            )}
            {inPlan.has(offer.id) && (
              <p className="muted small">{t('toekomst.proposals.inPlan')}</p>
            )}
          </li>
        ))}
      </ul>
      {failed && (
        <p role="alert" className="notice notice-error">
          {t('toekomst.saveFailed')}
        </p>
      )}
    </section>
  );
}
