import { useTranslation } from 'react-i18next';
import { Checkbox, FormField, SelectInput } from '../components/form-field';
import { Paragraph } from '../components/typography';
import { useCatalogue } from '../use-catalogue';

/** What the worker reads out before answers are kept; 'noName' only where a name can be kept. */
export type ConsentPoint = 'what' | 'why' | 'noName' | 'skip' | 'stop' | 'where';

/** The consent read-out and its tick: the same words for a new check and a converted quick check. */
export function ConsentReadOut({
  points,
  agreeLabel,
  consent,
  onConsent,
}: {
  points: readonly ConsentPoint[];
  agreeLabel: string;
  consent: boolean;
  onConsent: (given: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('checkUi.consent.readOut')}</Paragraph>
      <ul>
        {points.map((p) => (
          <li key={p}>{t(`checkUi.consent.${p}`)}</li>
        ))}
      </ul>
      <label className="choice consent-choice">
        <Checkbox checked={consent} onChange={(e) => onConsent(e.target.checked)} />
        <span>{agreeLabel}</span>
      </label>
    </>
  );
}

/** The resident's wijk, optional: '' is "unknown". */
export function WijkField({
  id,
  value,
  hint,
  onChange,
}: {
  id: string;
  value: string;
  hint: string;
  onChange: (wijk: string) => void;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  return (
    <FormField htmlFor={id} label={t('checkUi.start.wijk')}>
      <SelectInput id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('checkUi.start.wijkUnknown')}</option>
        {catalogue.wijken.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectInput>
      <Paragraph className="muted small">{hint}</Paragraph>
    </FormField>
  );
}
