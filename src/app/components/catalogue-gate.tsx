import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogueState } from '../catalogue-context';

/** Shows the page only when the catalogue is ready; a calm message and a retry button otherwise. */
export function CatalogueGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useCatalogueState();
  if (state.status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('errors.catalogueUnavailable')}</p>
        <button type="button" className="button" onClick={state.retry}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return <>{children}</>;
}
