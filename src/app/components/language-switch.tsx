import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguageCode } from '../i18n/i18n';
import { changeAppLanguage } from '../i18n/app-language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
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
      </select>
    </label>
  );
}
