import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LockedError } from '../../data/crypto/errors';
import { OutcomeView } from '../check/outcome-view';
import { Button } from '../components/button';
import { ConsentReadOut, type ConsentPoint } from '../check/check-start-fields';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { paths } from '../paths';
import { useQuickCheck } from './quick-check-context';
import { QuickCheckStartPage } from './quick-check-start-page';
import '../check/check.css';

const CONSENT_POINTS: readonly ConsentPoint[] = ['what', 'why', 'skip', 'stop', 'where'];

/**
 * The quick check's outcome: the same screen as a recorded check's, then how the conversation
 * ends — closed (counted, erased) or, with the resident's consent, kept as a normal check for
 * follow-up.
 */
export function QuickCheckOutcomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const quick = useQuickCheck();
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'locked' | 'failed'>();
  if (!quick.session) return <QuickCheckStartPage />;

  async function convert() {
    setBusy(true);
    setError(undefined);
    try {
      const id = await quick.convert();
      // Leaving the quick check's screens erases it from memory.
      await navigate(paths.checkOutcome.href(id));
    } catch (e) {
      setError(e instanceof LockedError ? 'locked' : 'failed');
      setBusy(false);
    }
  }

  return (
    <>
      {/* Its own updates arrive through the memory flow; nothing to replace here. */}
      <OutcomeView check={quick.session.check} onChange={() => undefined} />
      <section aria-labelledby="quick-end-heading" className="narrow-wide quick-check-end">
        <Heading level={2} id="quick-end-heading">
          {t('spreekuur.quick.endTitle')}
        </Heading>
        <Paragraph>{t('spreekuur.quick.endIntro')}</Paragraph>
        <Button purpose="secondary" onClick={() => void quick.close()}>
          {t('spreekuur.quick.close')}
        </Button>
        <Heading level={3}>{t('spreekuur.quick.convertTitle')}</Heading>
        <ConsentReadOut
          points={CONSENT_POINTS}
          agreeLabel={t('spreekuur.quick.convertConsent')}
          consent={consent}
          onConsent={setConsent}
        />
        <Button disabled={!consent || busy} onClick={() => void convert()}>
          {t('spreekuur.quick.convert')}
        </Button>
        {error && (
          <Notice type="error" role="alert">
            {error === 'locked' ? t('checkUi.load.locked') : t('checkUi.save.failed')}
          </Notice>
        )}
      </section>
    </>
  );
}
