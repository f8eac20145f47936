import { useTranslation } from 'react-i18next';

/**
 * The seed indicator a figure serves, with its target and source, so the coordinator reads the
 * number against what the policy asked for.
 */
export function IndicatorNote({
  id,
  national,
}: {
  id: 'contact' | 'help' | 'takeUp';
  national?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className="insight-indicator small">
      {t(`insight.indicator.${id}`, { national: national ?? '' })}{' '}
      <cite>{t(`insight.indicator.${id}Source`)}</cite>
    </span>
  );
}
