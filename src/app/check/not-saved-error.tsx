import { useTranslation } from 'react-i18next';
import { Paragraph } from '../components/typography';

/**
 * A typed answer the check could not take: what is wrong, and that it was not saved, so the
 * worker does not assume the old value was replaced.
 */
export function NotSavedError({ id, error }: { id: string; error: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="field-error" id={id} role="alert">
      {error} {t('checkUi.answer.notSaved')}
    </Paragraph>
  );
}
