import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmountInput, validateAnswer } from '../../domain/check/answers-schema';
import type { FieldProps } from './answer-change';
import { formatAmountInput } from './check-model';
import { NotSavedError } from './not-saved-error';
import { TextInput } from '../components/form-field';

/**
 * A money or number field that reads Dutch input ("1.234,50", "€ 850"). The typed text stays in
 * the field as typed; only a value that passes the question's schema is written, so a typo is
 * shown at the field and never stored.
 */
export function AmountField({
  question,
  entry,
  labelId,
  describedBy,
  onChange,
  onInvalid,
  onFlush,
}: FieldProps) {
  const { t } = useTranslation();
  const saved =
    entry?.status === 'answered' && typeof entry.value === 'number' ? entry.value : undefined;
  const [text, setText] = useState(saved === undefined ? '' : formatAmountInput(saved));
  const [error, setError] = useState<string>();
  const [touched, setTouched] = useState(false);
  const errorId = `${question.id}-error`;
  const showError = error !== undefined && touched;

  function change(raw: string) {
    setText(raw);
    if (raw.trim() === '') {
      setError(undefined);
      onChange({ status: 'cleared' }, 'typing');
      return;
    }
    const parsed = parseAmountInput(raw);
    const checked = parsed.ok ? validateAnswer(question, parsed.value) : parsed;
    if (!checked.ok) {
      setError(checked.message);
      // Letters are never a number in the making: say so at once, not only on leaving the field.
      if (/[a-z]/i.test(raw)) setTouched(true);
      onInvalid();
      return;
    }
    setError(undefined);
    onChange({ status: 'answered', value: checked.value }, 'typing');
  }

  return (
    <div className="field amount-field">
      <div className="amount-input">
        {question.type === 'money' && <span aria-hidden="true">€</span>}
        <TextInput
          id={`${question.id}-input`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-labelledby={labelId}
          aria-describedby={
            [describedBy, showError ? errorId : undefined].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={showError}
          value={text}
          placeholder={
            question.type === 'money' ? t('checkUi.answer.amountPlaceholder') : undefined
          }
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            setTouched(true);
            onFlush();
          }}
        />
      </div>
      {showError && <NotSavedError id={errorId} error={error} />}
    </div>
  );
}
