import { useTranslation } from 'react-i18next';
import type { FieldProps } from './answer-change';
import { Checkbox } from '../components/form-field';

/** "None of these" excludes the others, so an answer never says both. */
const NONE = 'geen';

export function MultiField({ question, entry, describedBy, onChange }: FieldProps) {
  const { t } = useTranslation();
  const selected =
    entry?.status === 'answered' && Array.isArray(entry.value)
      ? entry.value.filter((v): v is string => typeof v === 'string')
      : [];

  function toggle(value: string, on: boolean) {
    let next = on ? [...selected, value] : selected.filter((v) => v !== value);
    if (on && value === NONE) next = [NONE];
    else if (on) next = next.filter((v) => v !== NONE);
    const ordered = question.options.map((o) => o.value).filter((v) => next.includes(v));
    onChange(
      ordered.length === 0 ? { status: 'cleared' } : { status: 'answered', value: ordered },
      'now',
    );
  }

  return (
    <div className="choices" aria-describedby={describedBy}>
      {question.options.map((o) => (
        <label key={o.value} className="choice">
          <Checkbox
            // Answers about a household stay out of the browser's form-restore files.
            autoComplete="off"
            name={question.id}
            value={o.value}
            checked={selected.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <span>{t(o.labelKey)}</span>
        </label>
      ))}
    </div>
  );
}
