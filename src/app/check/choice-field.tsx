import { useTranslation } from 'react-i18next';
import { YES_NO_UNKNOWN } from '../../domain/check/answers-schema';
import type { FieldProps } from './answer-change';
import { RadioButton } from '../components/form-field';

/** One answer from a few: big tap targets, written at once. Also used for ja / nee / weet ik niet. */
export function ChoiceField({ question, entry, describedBy, onChange }: FieldProps) {
  const { t } = useTranslation();
  const options =
    question.type === 'yes-no-unknown'
      ? YES_NO_UNKNOWN.map((v) => ({ value: v, label: t(`check.yesNoUnknown.${v}`) }))
      : question.options.map((o) => ({ value: o.value, label: t(o.labelKey) }));
  const selected =
    entry?.status === 'answered' && typeof entry.value === 'string' ? entry.value : undefined;
  return (
    <div className="choices" aria-describedby={describedBy}>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <RadioButton
            // Answers about a household stay out of the browser's form-restore files.
            autoComplete="off"
            name={question.id}
            value={o.value}
            checked={selected === o.value}
            onChange={() => onChange({ status: 'answered', value: o.value }, 'now')}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
