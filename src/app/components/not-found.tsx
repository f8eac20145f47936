import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { AppLink } from './app-link';
import { Notice } from './notice';
import { Heading } from './typography';

export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Notice>
      <Heading level={1}>{message ?? t('app.notFound')}</Heading>
      <AppLink to={paths.start.href()}>{t('app.backHome')}</AppLink>
    </Notice>
  );
}
