import { useTranslation } from 'react-i18next';

export type SaveState = 'idle' | 'saving' | 'saved' | 'locked' | 'full' | 'failed';

/** Says, politely, whether the last answer is on the device: the worker never has to wonder. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const problem = state === 'locked' || state === 'full' || state === 'failed';
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="check-save-status"
      className={`save-status${problem ? ' notice notice-error' : ' muted small'}`}
    >
      {state === 'idle' ? t('checkUi.save.idle') : t(`checkUi.save.${state}`)}
    </p>
  );
}
