import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { WijkField } from '../check/check-start-fields';
import { Heading, Paragraph } from '../components/typography';
import { paths } from '../paths';
import { useSession } from '../session/use-session';
import { peekQuickCheckStart, takeQuickCheckStart } from './quick-check-entry';
import { useQuickCheck } from './quick-check-context';
import '../check/check.css';

/**
 * Starts an anonymous quick check: no name, no contact details, no consent to record anything,
 * because nothing is recorded. The wijk is optional and only counted.
 */
export function QuickCheckStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const quick = useQuickCheck();
  const own = useSession()?.user.wijken ?? [];
  const [wijk, setWijk] = useState(own.length === 1 && own[0] ? own[0] : '');
  const [start] = useState(peekQuickCheckStart);
  if (quick.session) {
    const topic = quick.session.check.data.lastTopic ?? quick.session.topics[0] ?? 'inkomen';
    return <Navigate to={paths.quickCheckTopic.href(topic)} replace />;
  }

  function begin(e: React.FormEvent) {
    e.preventDefault();
    const first = quick.begin({ wijk: wijk || undefined, start: takeQuickCheckStart() });
    void navigate(paths.quickCheckTopic.href(first));
  }

  return (
    <div className="narrow-wide">
      <Paragraph className="eyebrow">{t('spreekuur.title')}</Paragraph>
      <Heading level={1}>{t('spreekuur.quick.title')}</Heading>
      <Paragraph purpose="lead">{t('spreekuur.quick.intro')}</Paragraph>
      <ul>
        <li>{t('spreekuur.quick.noName')}</li>
        <li>{t('spreekuur.quick.erased')}</li>
        <li>{t('spreekuur.quick.counted')}</li>
        <li>{t('spreekuur.quick.followUp')}</li>
      </ul>
      {start?.lifeEvent !== undefined && (
        <Paragraph data-testid="quick-check-life-event">
          {t('spreekuur.quick.fromLifeEvent')}
        </Paragraph>
      )}
      <form className="form" autoComplete="off" onSubmit={begin}>
        <WijkField
          id="quick-wijk"
          value={wijk}
          hint={t('spreekuur.quick.wijkHint')}
          onChange={setWijk}
        />
        <Button type="submit" className="button-large">
          {t('spreekuur.quick.begin')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to={paths.spreekuur.href()}>{t('spreekuur.overview.link')}</AppLink>
      </Paragraph>
    </div>
  );
}
