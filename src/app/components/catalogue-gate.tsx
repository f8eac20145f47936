import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogueState } from '../catalogue-context';
import { Button } from './button';
import { Notice } from './notice';
import { Paragraph } from './typography';

/** Shows the page only when the catalogue is ready; a calm message and a retry button otherwise. */
export function CatalogueGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useCatalogueState();
  if (state.status === 'loading') {
    return (
      <Paragraph role="status" className="muted">
        {t('app.loading')}
      </Paragraph>
    );
  }
  if (state.status === 'error') {
    return (
      <Notice type="error" role="alert">
        <Paragraph>{t('errors.catalogueUnavailable')}</Paragraph>
        <Button onClick={state.retry}>{t('errors.retry')}</Button>
      </Notice>
    );
  }
  return <>{children}</>;
}
