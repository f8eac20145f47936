import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';
import { log } from '../../data/log';
import { Button } from './button';
import { Paragraph } from './typography';

/**
 * Asks before switching to a new version: the worker may be mid-conversation. Drafts are
 * written to the device first, so the reload that follows loses nothing.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: () => log.warn('sw.register-failed'),
  });

  async function update() {
    // Drafts and typed check answers wait out a short debounce; write them first. Dynamic
    // imports keep them out of the start-up bundle (if they never loaded, nothing is pending).
    const [drafts, checks] = await Promise.all([
      import('../../data/drafts'),
      import('../../data/repositories/checks'),
    ]);
    await drafts.flushDrafts();
    await checks.flushPendingAnswers().catch(() => undefined);
    await updateServiceWorker(true);
  }

  if (needRefresh) {
    return (
      <div
        className="toast"
        role="alertdialog"
        aria-live="polite"
        aria-label={t('status.updateReady')}
      >
        <Paragraph>
          <strong>{t('status.updateReady')}</strong> {t('status.updateSafe')}
        </Paragraph>
        <div className="toast-actions">
          <Button onClick={() => void update()}>{t('status.updateNow')}</Button>
          <Button purpose="secondary" onClick={() => setNeedRefresh(false)}>
            {t('status.updateLater')}
          </Button>
        </div>
      </div>
    );
  }
  // No "works offline" toast: it covered the screen after every login and said nothing the
  // connection state in the header does not say.
  return null;
}
