import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';

export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice">
      <h1>{message ?? t('app.notFound')}</h1>
      <Link to={paths.start.href()}>{t('app.backHome')}</Link>
    </div>
  );
}
