import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '../components/typography';
import { Button } from '../components/button';
import { TextInput } from '../components/form-field';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Long enough for a passphrase-like PIN, short enough that a stuck key does not fill memory. */
const MAX_PIN_LENGTH = 32;

interface PinPadProps {
  value: string;
  onChange: (next: string) => void;
  label: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/**
 * A PIN field with large touch keys (48 px and up). The field also takes a hardware keyboard;
 * it never autocompletes or is remembered by the browser, and screen readers hear a count only.
 */
export function PinPad({
  value,
  onChange,
  label,
  disabled = false,
  autoFocus = false,
}: PinPadProps) {
  const { t } = useTranslation();
  const id = useId();
  const add = (digit: string) => {
    if (value.length < MAX_PIN_LENGTH) onChange(value + digit);
  };
  return (
    <div className="pin-pad">
      <label htmlFor={id}>{label}</label>
      <TextInput
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={MAX_PIN_LENGTH}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, MAX_PIN_LENGTH))}
      />
      <Paragraph className="visually-hidden" aria-live="polite">
        {t('lock.digitsEntered', { count: value.length })}
      </Paragraph>
      <div className="pin-keys" role="group" aria-label={label}>
        {KEYS.map((k) => (
          <Button
            key={k}
            type="button"
            purpose="secondary"
            className="pin-key"
            disabled={disabled}
            onClick={() => add(k)}
          >
            {k}
          </Button>
        ))}
        <Button
          type="button"
          purpose="subtle"
          className="pin-key pin-key-secondary"
          disabled={disabled || value.length === 0}
          onClick={() => onChange('')}
          aria-label={t('lock.clear')}
        >
          C
        </Button>
        <Button
          type="button"
          purpose="secondary"
          className="pin-key"
          disabled={disabled}
          onClick={() => add('0')}
        >
          0
        </Button>
        <Button
          type="button"
          purpose="subtle"
          className="pin-key pin-key-secondary"
          disabled={disabled || value.length === 0}
          onClick={() => onChange(value.slice(0, -1))}
          aria-label={t('lock.deleteDigit')}
        >
          ⌫
        </Button>
      </div>
    </div>
  );
}
