import { useState } from 'react';
import { Link } from 'react-router';
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
      <p role="status" className="muted">
        {t('toekomst.loading')}
      </p>
    );
  }
  if (worker === null) return <p className="notice">{t('toekomst.needSession')}</p>;
  if (list === 'locked') return <p className="notice">{t('toekomst.locked')}</p>;
  const isMaker = worker.role === 'toekomstmakelaar';
  return (
    <div className="toekomst-page">
      <h1>{isMaker ? t('toekomst.list.title') : t('toekomst.list.referrerTitle')}</h1>
      {isMaker && (
        <p>
          <Link className="button" to={paths.toekomstRefer.href({ bron: 'eigen' })}>
            {t('toekomst.list.newResident')}
          </Link>
        </p>
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
          <button
            type="button"
            className="button button-secondary"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('toekomst.list.previous')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={(page + 1) * 50 >= list.all.total}
            onClick={() => setPage(page + 1)}
          >
            {t('toekomst.list.next')}
          </button>
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
      <h2 id={`toekomst-${id}`}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="toekomst-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={paths.trajectory.href(item.id)}>
                {item.residentName ?? t('toekomst.unnamed')}
              </Link>{' '}
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
      <h2 id="toekomst-offers">{t('toekomst.offers.title')}</h2>
      <ul className="card-list">
        {OFFERS.map((o) => (
          <li key={o.id} className="card">
            <h3 className="card-title">{o.name}</h3>
            <p className="small">
              <strong>{t(`toekomst.offerStatus.${o.status}`)}</strong>
              {o.statusNote && <> — {o.statusNote}</>}
            </p>
            <p className="small">{o.summary}</p>
            <p className="muted small">
              {t('toekomst.offers.source')}:{' '}
              {o.source
                .map((s) => ('file' in s ? `${s.file.slice(0, 3)} ${s.lines}` : s.title))
                .join('; ')}
            </p>
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
      <h2 id="toekomst-figures">{t('toekomst.figures.title')}</h2>
      {figures === null && (
        <button type="button" className="button button-secondary" onClick={() => void load()}>
          {t('toekomst.figures.show')}
        </button>
      )}
      {figures === 'failed' && <p className="notice notice-error">{t('toekomst.saveFailed')}</p>}
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
