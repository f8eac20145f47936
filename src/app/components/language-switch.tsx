import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguageCode } from '../i18n/i18n';
import { changeAppLanguage } from '../i18n/app-language';
import { FormField, SelectInput } from './form-field';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <FormField
      className="language-switch"
      htmlFor={id}
      label={<span className="visually-hidden">{t('app.language')}</span>}
    >
      <SelectInput
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const code = e.target.value;
          if (!isLanguageCode(code)) return;
          void changeAppLanguage(code);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </SelectInput>
    </FormField>
  );
}
