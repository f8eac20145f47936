import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Trajectory, ToekomstWorker } from '../../data/repositories/toekomst';
import { pickUp, readTrajectory, recordContact } from '../../data/repositories/toekomst';
import { paths } from '../paths';
import { BarrierHelpList } from './barrier-help-list';
import { IntakeForm } from './intake-form';
import { PlanSection } from './plan-section';
import { ProposalList } from './proposal-list';
import { StatusBadge } from './status-badge';
import { useToekomstWorker } from './use-toekomst-worker';
import './toekomst.css';

/** One resident's trajectory: the referral, the toekomstgesprek, proposals and the plan. */
export function TrajectoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const worker = useToekomstWorker();
  const trajectory = useLiveQuery(async () => {
    try {
      return (await readTrajectory(id)) ?? null;
    } catch {
      return 'locked' as const;
    }
  }, [id]);
  if (worker === undefined || trajectory === undefined) {
    return (
      <p role="status" className="muted">
        {t('toekomst.loading')}
      </p>
    );
  }
  if (worker === null) return <p className="notice">{t('toekomst.needSession')}</p>;
  if (trajectory === 'locked') return <p className="notice">{t('toekomst.locked')}</p>;
  if (trajectory === null) return <p className="notice">{t('toekomst.notFound')}</p>;
  return <TrajectoryView trajectory={trajectory} worker={worker} />;
}

function TrajectoryView({
  trajectory,
  worker,
}: {
  trajectory: Trajectory;
  worker: ToekomstWorker;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const { record, referral, intake, status } = trajectory;
  const isMaker = worker.role === 'toekomstmakelaar';

  async function run(action: () => Promise<unknown>) {
    setFailed(false);
    try {
      await action();
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="toekomst-page">
      <p>
        <Link to={paths.toekomst.href()}>{t('toekomst.list.title')}</Link>
      </p>
      <h1>{referral?.residentName ?? t('toekomst.unnamed')}</h1>
      <p>
        <StatusBadge status={status} />
      </p>
      {referral && (
        <dl className="toekomst-facts">
          <dt>{t('toekomst.refer.contact')}</dt>
          <dd>{referral.contact}</dd>
          <dt>{t('toekomst.detail.referredFrom')}</dt>
          <dd>{t(`toekomst.source.${referral.referredFrom}`)}</dd>
          {referral.referralNote && (
            <>
              <dt>{t('toekomst.refer.note')}</dt>
              <dd>{referral.referralNote}</dd>
            </>
          )}
        </dl>
      )}
      {!isMaker ? (
        <p className="notice">{t('toekomst.detail.referrerOnly')}</p>
      ) : (
        <>
          <div className="toekomst-actions">
            {status === 'verwezen' && (
              <button
                type="button"
                className="button"
                onClick={() => void run(() => pickUp(record.id, { worker }))}
              >
                {t('toekomst.detail.pickUp')}
              </button>
            )}
            {status !== 'verwezen' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void run(() => recordContact(record.id, { worker }))}
              >
                {t('toekomst.detail.contact')}
              </button>
            )}
            <Link className="button button-secondary" to={paths.trajectoryPlan.href(record.id)}>
              {t('toekomst.plan.print')}
            </Link>
          </div>
          <IntakeForm trajectory={trajectory} worker={worker} />
          {intake && (
            <>
              <BarrierHelpList barriers={intake.barriers} wijk={record.wijk} />
              <ProposalList trajectory={trajectory} intake={intake} worker={worker} />
            </>
          )}
          <PlanSection trajectory={trajectory} worker={worker} />
        </>
      )}
      {failed && (
        <p role="alert" className="notice notice-error">
          {t('toekomst.saveFailed')}
        </p>
      )}
    </div>
  );
}
