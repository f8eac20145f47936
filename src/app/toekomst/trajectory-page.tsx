import { useState } from 'react';
import { useParams } from 'react-router';
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
import { AppLink } from '../components/app-link';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

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
      <Paragraph role="status" className="muted">
        {t('toekomst.loading')}
      </Paragraph>
    );
  }
  if (worker === null) return <Notice>{t('toekomst.needSession')}</Notice>;
  if (trajectory === 'locked') return <Notice>{t('toekomst.locked')}</Notice>;
  if (trajectory === null) return <Notice>{t('toekomst.notFound')}</Notice>;
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
      <Paragraph>
        <AppLink to={paths.toekomst.href()}>{t('toekomst.list.title')}</AppLink>
      </Paragraph>
      <Heading level={1}>{referral?.residentName ?? t('toekomst.unnamed')}</Heading>
      <Paragraph>
        <StatusBadge status={status} />
      </Paragraph>
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
        <Notice>{t('toekomst.detail.referrerOnly')}</Notice>
      ) : (
        <>
          <div className="toekomst-actions">
            {status === 'verwezen' && (
              <Button onClick={() => void run(() => pickUp(record.id, { worker }))}>
                {t('toekomst.detail.pickUp')}
              </Button>
            )}
            {status !== 'verwezen' && (
              <Button
                purpose="secondary"
                onClick={() => void run(() => recordContact(record.id, { worker }))}
              >
                {t('toekomst.detail.contact')}
              </Button>
            )}
            <ButtonLink purpose="secondary" to={paths.trajectoryPlan.href(record.id)}>
              {t('toekomst.plan.print')}
            </ButtonLink>
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
        <Notice type="error" role="alert">
          {t('toekomst.saveFailed')}
        </Notice>
      )}
    </div>
  );
}
