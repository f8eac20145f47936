import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TOPICS } from '../../domain/check/questions';
import { LockedError } from '../../data/crypto/errors';
import { listChecks, type CheckRecord } from '../../data/repositories/checks';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { useFormat } from '../i18n/format';
import { checkProgress } from './check-model';
import { useVaultStatus } from './use-check';
import './check.css';
import { DirArrow } from '../components/dir-arrow';
import { ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

type ListLoad =
  { status: 'loading' | 'locked' | 'error' } | { status: 'ready'; checks: CheckRecord[] };

/** Open checks to resume (where they were left) and completed ones to look back at. */
export function CheckListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { catalogue } = useCatalogue();
  const vault = useVaultStatus();
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    if (vault !== 'unlocked') {
      setLoad({ status: vault === 'unknown' ? 'loading' : 'locked' });
      return;
    }
    listChecks().then(
      (checks) => !cancelled && setLoad({ status: 'ready', checks }),
      (e: unknown) =>
        !cancelled && setLoad({ status: e instanceof LockedError ? 'locked' : 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [vault]);

  const wijkName = (id: string | undefined) => catalogue.wijken.find((w) => w.id === id)?.name;
  const open = load.status === 'ready' ? load.checks.filter((c) => c.status === 'open') : [];
  const done = load.status === 'ready' ? load.checks.filter((c) => c.status === 'afgerond') : [];

  function describe(c: CheckRecord) {
    const { touched, total } = checkProgress(c.data.answers);
    const topic = TOPICS.find((x) => x.id === c.data.lastTopic);
    return [
      t(`checkUi.variant.${c.data.answers.variant}`),
      wijkName(c.wijk),
      t('checkUi.list.progress', { touched, total }),
      topic ? t('checkUi.list.lastTopic', { topic: t(topic.titleKey) }) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  return (
    <>
      <Heading level={1}>{t('checkUi.title')}</Heading>
      <Paragraph purpose="lead">{t('checkUi.list.intro')}</Paragraph>
      <Paragraph>
        <ButtonLink to={paths.checkNew.href()}>{t('checkUi.list.new')}</ButtonLink>{' '}
        <ButtonLink purpose="secondary" to={paths.quickCheck.href()}>
          {t('checkUi.list.quick')}
        </ButtonLink>
      </Paragraph>
      {load.status === 'loading' && (
        <Paragraph role="status" className="muted">
          {t('app.loading')}
        </Paragraph>
      )}
      {(load.status === 'locked' || load.status === 'error') && (
        <Notice type="warning" role="alert">
          {t(`checkUi.load.${load.status}`)}
        </Notice>
      )}
      {load.status === 'ready' && (
        <>
          <Heading level={2}>{t('checkUi.list.open')}</Heading>
          {open.length === 0 ? (
            <Paragraph className="muted">{t('checkUi.list.noOpen')}</Paragraph>
          ) : (
            <ul className="card-list" aria-label={t('checkUi.list.open')}>
              {open.map((c) => (
                <li key={c.id}>
                  <Link className="card" to={paths.check.href(c.id)}>
                    <span className="card-title">
                      {t('checkUi.list.startedOn', { date: format.date(c.createdAt) })}
                    </span>
                    <span className="card-text">{describe(c)}</span>
                    <span className="card-text">
                      {t('checkUi.list.resume')} <DirArrow to="forward" />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {done.length > 0 && (
            <>
              <Heading level={2}>{t('checkUi.list.done')}</Heading>
              <ul className="card-list" aria-label={t('checkUi.list.done')}>
                {done.map((c) => (
                  <li key={c.id}>
                    <Link className="card" to={paths.checkOutcome.href(c.id)}>
                      <span className="card-title">
                        {t('checkUi.list.completedOn', {
                          date: format.date(c.data.completedAt ?? c.updatedAt),
                        })}
                      </span>
                      <span className="card-text">{describe(c)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
