import { useTranslation } from 'react-i18next';
import { LANGUAGES, applyDocumentLanguage, isLanguageCode } from '../i18n/i18n';
import { saveSetting } from '../../data/settings';

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
          void i18n.changeLanguage(code);
          applyDocumentLanguage(code);
          void saveSetting('language', code);
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
