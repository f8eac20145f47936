import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';

export type SaveState = 'idle' | 'saving' | 'saved' | 'locked' | 'full' | 'failed';

/** Says, politely, whether the last answer is on the device: the worker never has to wonder. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const problem = state === 'locked' || state === 'full' || state === 'failed';
  const text = state === 'idle' ? t('checkUi.save.idle') : t(`checkUi.save.${state}`);
  // One live region that stays in place; what it holds changes from a quiet line to an alert box.
  return (
    <div role="status" aria-live="polite" data-testid="check-save-status" className="save-status">
      {problem ? (
        <Notice type="error">{text}</Notice>
      ) : (
        <Paragraph className="muted small">{text}</Paragraph>
      )}
    </div>
  );
}
