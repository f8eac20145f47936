import { useState } from 'react';

import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TrajectoryItem, TrajectoryList } from '../../data/repositories/toekomst';
import {
  NOT_SEEN_DAYS,
  allTrajectoryFacts,
  listTrajectories,
} from '../../data/repositories/toekomst';
import type { ToekomstFigures } from '../../domain/toekomst/figures';
import { toekomstFigures } from '../../domain/toekomst/figures';
import { OFFERS } from '../../domain/toekomst/offers';
import { paths } from '../paths';
import { StatusBadge } from './status-badge';
import { useToekomstWorker } from './use-toekomst-worker';
import './toekomst.css';
import { AppLink } from '../components/app-link';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * Her start page and list: what needs her next (new referrals, steps due, residents not seen for
 * a while), everyone she works with, her offers and her figures. A referrer who opens it sees
 * her referrals with their status only.
 */
export function ToekomstListPage() {
  const { t } = useTranslation();
  const worker = useToekomstWorker();
  const [page, setPage] = useState(0);
  const list = useLiveQuery(async (): Promise<TrajectoryList | 'locked'> => {
    try {
      return await listTrajectories({ offset: page * 50, limit: 50 });
    } catch {
      return 'locked';
    }
  }, [page]);
  if (worker === undefined || list === undefined) {
    return (
      <Paragraph role="status" className="muted">
        {t('toekomst.loading')}
      </Paragraph>
    );
  }
  if (worker === null) return <Notice>{t('toekomst.needSession')}</Notice>;
  if (list === 'locked') return <Notice>{t('toekomst.locked')}</Notice>;
  const isMaker = worker.role === 'toekomstmakelaar';
  return (
    <div className="toekomst-page">
      <Heading level={1}>
        {isMaker ? t('toekomst.list.title') : t('toekomst.list.referrerTitle')}
      </Heading>
      {isMaker && (
        <Paragraph>
          <ButtonLink to={paths.toekomstRefer.href({ bron: 'eigen' })}>
            {t('toekomst.list.newResident')}
          </ButtonLink>
        </Paragraph>
      )}
      {isMaker && (
        <>
          <Section
            id="new"
            title={t('toekomst.list.newReferrals')}
            items={list.newReferrals}
            empty={t('toekomst.list.noNew')}
          />
          <Section
            id="due"
            title={t('toekomst.list.due')}
            items={list.due}
            empty={t('toekomst.list.noDue')}
            showDue
          />
          <Section
            id="not-seen"
            title={t('toekomst.list.notSeen', { days: NOT_SEEN_DAYS })}
            items={list.notSeen}
            empty={t('toekomst.list.noNotSeen')}
          />
        </>
      )}
      <Section
        id="all"
        title={t('toekomst.list.all', { count: list.all.total })}
        items={list.all.items}
        empty={t('toekomst.list.none')}
      />
      {list.all.total > 50 && (
        <div className="toekomst-actions">
          <Button purpose="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('toekomst.list.previous')}
          </Button>
          <Button
            purpose="secondary"
            disabled={(page + 1) * 50 >= list.all.total}
            onClick={() => setPage(page + 1)}
          >
            {t('toekomst.list.next')}
          </Button>
        </div>
      )}
      {isMaker && <OfferOverview />}
      {isMaker && <Figures />}
    </div>
  );
}

function Section({
  id,
  title,
  items,
  empty,
  showDue = false,
}: {
  id: string;
  title: string;
  items: readonly TrajectoryItem[];
  empty: string;
  showDue?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`toekomst-${id}`}>
      <Heading level={2} id={`toekomst-${id}`}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="muted">{empty}</Paragraph>
      ) : (
        <ul className="toekomst-list">
          {items.map((item) => (
            <li key={item.id}>
              <AppLink to={paths.trajectory.href(item.id)}>
                {item.residentName ?? t('toekomst.unnamed')}
              </AppLink>{' '}
              <StatusBadge status={item.status} />
              {showDue && item.dueAt && (
                <span className="muted"> · {t('toekomst.plan.due', { date: item.dueAt })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Her offers, with their status and source, so she can say what is running and what is not yet. */
function OfferOverview() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="toekomst-offers">
      <Heading level={2} id="toekomst-offers">
        {t('toekomst.offers.title')}
      </Heading>
      <ul className="card-list">
        {OFFERS.map((o) => (
          <li key={o.id} className="card">
            <Heading level={3} className="card-title">
              {o.name}
            </Heading>
            <Paragraph className="small">
              <strong>{t(`toekomst.offerStatus.${o.status}`)}</strong>
              {o.statusNote && <> — {o.statusNote}</>}
            </Paragraph>
            <Paragraph className="small">{o.summary}</Paragraph>
            <Paragraph className="muted small">
              {t('toekomst.offers.source')}:{' '}
              {o.source
                .map((s) => ('file' in s ? `${s.file.slice(0, 3)} ${s.lines}` : s.title))
                .join('; ')}
            </Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Anonymous counts, computed on the device from the plans she holds (decrypts every plan). */
function Figures() {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<ToekomstFigures | 'failed' | null>(null);
  async function load() {
    try {
      setFigures(toekomstFigures(await allTrajectoryFacts(), new Date().toISOString()));
    } catch {
      setFigures('failed');
    }
  }
  return (
    <section aria-labelledby="toekomst-figures">
      <Heading level={2} id="toekomst-figures">
        {t('toekomst.figures.title')}
      </Heading>
      {figures === null && (
        <Button purpose="secondary" onClick={() => void load()}>
          {t('toekomst.figures.show')}
        </Button>
      )}
      {figures === 'failed' && <Notice type="error">{t('toekomst.saveFailed')}</Notice>}
      {figures !== null && figures !== 'failed' && (
        <dl className="toekomst-facts">
          <dt>{t('toekomst.figures.reached')}</dt>
          <dd>{figures.reached}</dd>
          <dt>{t('toekomst.figures.withPlan')}</dt>
          <dd>{figures.withPlan}</dd>
          <dt>{t('toekomst.figures.withStepStarted')}</dt>
          <dd>{figures.withStepStarted}</dd>
          <dt>{t('toekomst.figures.after3')}</dt>
          <dd>{t('toekomst.figures.ofEligible', { ...figures.after3Months })}</dd>
          <dt>{t('toekomst.figures.after12')}</dt>
          <dd>{t('toekomst.figures.ofEligible', { ...figures.after12Months })}</dd>
        </dl>
      )}
    </section>
  );
}
