import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIFE_EVENTS } from '../../domain/life-events/life-events';
import { Heading, Paragraph } from '../components/typography';
import { useFormat } from '../i18n/format';
import { paths } from '../paths';

/** "Is er iets veranderd in uw leven?": the eight life events, one tile each. */
export function LifeEventsPage() {
  const { t } = useTranslation();
  const { language } = useFormat();
  return (
    <>
      <Heading level={1}>{t('lifeEvents.question')}</Heading>
      <Paragraph purpose="lead">{t('lifeEvents.intro')}</Paragraph>
      <ul className="tiles" data-testid="life-events">
        {LIFE_EVENTS.map((event) => (
          <li key={event.id}>
            <Link className="tile" to={paths.lifeEvent.href(event.id)}>
              <span className="tile-title">{event.title[language]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
