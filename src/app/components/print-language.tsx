import { useSearchParams } from 'react-router';
import { FormField, SelectInput } from './form-field';
import { LANGUAGES, isLanguageCode, type LanguageCode } from '../i18n/i18n';

/**
 * The language a page for the resident prints in, kept in `?taal=` so the worker's own app
 * language stays as it is and a reload keeps the choice. Anything unknown prints in Dutch.
 */
export function usePrintLanguage(): [LanguageCode, (lang: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('taal');
  const lang: LanguageCode = isLanguageCode(asked) ? asked : 'nl';
  // Other parameters (the checklist's regelingen) stay as they are.
  const choose = (next: string) =>
    setParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set('taal', next);
        return params;
      },
      { replace: true },
    );
  return [lang, choose];
}

/** The picker for that language, labelled in the worker's language. */
export function PrintLanguagePicker({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: LanguageCode;
  onChange: (lang: string) => void;
}) {
  return (
    <FormField htmlFor={id} label={label}>
      <SelectInput id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </SelectInput>
    </FormField>
  );
}
