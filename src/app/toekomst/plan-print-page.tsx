import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { readTrajectory } from '../../data/repositories/toekomst';
import { FINAL_STEP_STATUSES } from '../../domain/toekomst/plan';
import { offerById } from '../../domain/toekomst/offers';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import './toekomst.css';

/**
 * The resident's own plan on one page, to take home: what she wants, her next steps, where to go
 * and by when. No contact details, barriers or notes: only what she needs to act.
 */
export function PlanPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { catalogue } = useCatalogue();
  const trajectory = useLiveQuery(async () => {
    try {
      return (await readTrajectory(id)) ?? null;
    } catch {
      return null;
    }
  }, [id]);
  if (trajectory === undefined) return <p className="muted">{t('toekomst.loading')}</p>;
  if (trajectory === null) return <p className="notice">{t('toekomst.notFound')}</p>;
  const steps = trajectory.plan.steps;
  return (
    <article className="toekomst-print">
      <p className="no-print">
        <Link to={paths.trajectory.href(id)}>{t('toekomst.plan.back')}</Link>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('toekomst.plan.printAction')}
        </button>
      </p>
      <h1>{t('toekomst.plan.printTitle')}</h1>
      {trajectory.intake && (
        <p>
          {t('toekomst.plan.myWish')}:{' '}
          {trajectory.intake.wishes.map((w) => t(`toekomst.wish.${w}`)).join(', ')}
        </p>
      )}
      {steps.length === 0 ? (
        <p>{t('toekomst.plan.empty')}</p>
      ) : (
        <ol>
          {steps.map((s) => {
            const offer = offerById(s.offerId);
            const where = offer?.organisations
              .map((o) => catalogue.organisations.find((x) => x.id === o)?.name ?? o)
              .join(', ');
            return (
              <li key={s.id}>
                <h2>{offer?.name ?? s.offerId}</h2>
                <p>{offer?.summary}</p>
                <p>
                  {t('toekomst.plan.where')}: {where}
                </p>
                <p>
                  {t('toekomst.plan.now')}: {t(`toekomst.step.${s.status}`)}
                  {s.dueAt && !FINAL_STEP_STATUSES.includes(s.status) && (
                    <> · {t('toekomst.plan.due', { date: s.dueAt })}</>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <p className="muted small">{t('toekomst.plan.contactLine')}</p>
    </article>
  );
}
