import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getQuestion } from '../../domain/check/questions';
import { checkStartFor, getLifeEvent } from '../../domain/life-events/life-events';
import { isLifeEventId, type LifeEventChange } from '../../domain/life-events/schema';
import { AppLink } from '../components/app-link';
import { Button, ButtonLink } from '../components/button';
import { DataBadge } from '../components/data-badge';
import { DirArrow } from '../components/dir-arrow';
import { NotFound } from '../components/not-found';
import { SourceList } from '../components/source-list';
import { Heading, Paragraph } from '../components/typography';
import { useFormat } from '../i18n/format';
import type { LanguageCode } from '../i18n/i18n';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { openQuickCheck } from '../spreekuur/quick-check-entry';
import '../apply-help/apply-help.css';

/**
 * One life event: what changes for the resident (apply, report, stops, find out), each with its
 * deadline where a source gives one and its sources, and the way into the check with the
 * questions that belong to it.
 */
export function LifeEventPage() {
  const { t } = useTranslation();
  const { language } = useFormat();
  const { id } = useParams();
  const navigate = useNavigate();
  if (!isLifeEventId(id)) return <NotFound message={t('lifeEvents.notFound')} />;
  const event = getLifeEvent(id);
  const questions = event.check.questions.flatMap((q) => getQuestion(q) ?? []);
  return (
    <article className="detail life-event">
      <Paragraph>
        <AppLink to={paths.lifeEvents.href()}>
          <DirArrow to="back" /> {t('lifeEvents.back')}
        </AppLink>
      </Paragraph>
      <Heading level={1}>{event.title[language]}</Heading>
      <Paragraph purpose="lead">{event.intro[language]}</Paragraph>
      <section aria-labelledby="changes-heading">
        <Heading level={2} id="changes-heading">
          {t('lifeEvents.changes')}
        </Heading>
        <ul className="card-list life-event-changes">
          {event.changes.map((change) => (
            <ChangeCard key={change.text.nl} change={change} language={language} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="start-heading" className="life-event-start">
        <Heading level={2} id="start-heading">
          {t('lifeEvents.startCheck')}
        </Heading>
        <Paragraph>{t('lifeEvents.startHint')}</Paragraph>
        {questions.length > 0 && (
          <>
            <Paragraph>{t('lifeEvents.focus')}</Paragraph>
            <ul>
              {questions.map((q) => (
                <li key={q.id}>{t(q.labelKey)}</li>
              ))}
            </ul>
          </>
        )}
        <ButtonLink to={paths.checkNewFor.href(event.id)} className="button-large">
          {t('lifeEvents.startCheck')}
        </ButtonLink>
        <Paragraph>{t('lifeEvents.startQuickHint')}</Paragraph>
        <Button
          purpose="secondary"
          onClick={() => {
            // The start goes to the quick check in memory, never in the address.
            const { answers, topics, lifeEvent } = checkStartFor(event.id);
            void openQuickCheck(navigate, { answers, topics, lifeEvent });
          }}
        >
          {t('lifeEvents.startQuick')}
        </Button>
      </section>
      <details className="small life-event-sources">
        <summary>{t('lifeEvents.sources')}</summary>
        <SourceList sources={event.source} />
      </details>
    </article>
  );
}

function ChangeCard({ change, language }: { change: LifeEventChange; language: LanguageCode }) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const regeling = change.regeling
    ? catalogue.regelingen.find((r) => r.id === change.regeling)
    : undefined;
  return (
    <li className="card life-event-change" data-action={change.action}>
      <div className="card-meta">
        <DataBadge className="badge-strong">{t(`lifeEvents.action.${change.action}`)}</DataBadge>
      </div>
      <Paragraph>{change.text[language]}</Paragraph>
      <Paragraph className="small">
        <strong>{t('lifeEvents.deadline')}:</strong>{' '}
        {'text' in change.deadline
          ? change.deadline.text[language]
          : t('lifeEvents.deadlineUnknown')}
      </Paragraph>
      {regeling && (
        <Paragraph className="small">
          <AppLink to={paths.regeling.href(regeling.id)}>
            {t('lifeEvents.regeling')}:{' '}
            <bdi {...(language === 'nl' ? {} : { lang: 'nl', dir: 'ltr' })}>{regeling.name}</bdi>
          </AppLink>
        </Paragraph>
      )}
      <details className="small life-event-sources">
        <summary>{t('lifeEvents.sources')}</summary>
        <SourceList sources={change.source} />
      </details>
    </li>
  );
}
