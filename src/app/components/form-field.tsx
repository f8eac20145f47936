import { Checkbox as UtrechtCheckbox, type CheckboxProps } from '@utrecht/checkbox-react';
import { Fieldset as UtrechtFieldset, FieldsetLegend } from '@utrecht/fieldset-react';
import { FormField as UtrechtFormField } from '@utrecht/form-field-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import {
  RadioButton as UtrechtRadioButton,
  type RadioButtonProps,
} from '@utrecht/radio-button-react';
import { Textbox, type TextboxProps } from '@utrecht/textbox-react';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import {
  forwardRef,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * Form parts from the Utrecht community components of the NL Design System: a field with its
 * label, hint and error; text, select and textarea controls; checkbox and radio; fieldset.
 * The pages pass ids, so a hint and an error are tied to the control with aria-describedby.
 */
export function FormField({
  htmlFor,
  label,
  description,
  descriptionId,
  error,
  errorId,
  type,
  className,
  quietError,
  children,
}: {
  htmlFor: string;
  label: ReactNode;
  description?: ReactNode;
  descriptionId?: string;
  error?: ReactNode;
  errorId?: string;
  type?: 'checkbox' | 'radio';
  className?: string;
  /** The error is already announced in a summary at the top: no second live region. */
  quietError?: boolean;
  children: ReactNode;
}) {
  return (
    <UtrechtFormField
      className={className}
      type={type}
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={htmlFor} type={type}>
          {label}
        </FormLabel>
      }
      description={
        description ? (
          <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
        ) : undefined
      }
      errorMessage={
        error ? (
          <FormFieldErrorMessage id={errorId} role={quietError ? undefined : 'alert'}>
            {error}
          </FormFieldErrorMessage>
        ) : undefined
      }
      input={children}
    />
  );
}

/** An `aria-invalid` passed in counts as `invalid`, which Utrecht's controls turn into aria-invalid. */
function isInvalid(invalid: boolean | undefined, ariaInvalid: unknown): boolean {
  return invalid ?? (ariaInvalid === true || ariaInvalid === 'true');
}

/**
 * Utrecht's textbox sets aria-invalid from its own `invalid` prop and drops one passed directly,
 * so an `aria-invalid` from a page becomes `invalid` here (the error would go unannounced).
 */
export const TextInput = forwardRef<HTMLInputElement, TextboxProps>(function TextInput(
  { invalid, 'aria-invalid': ariaInvalid, ...props },
  ref,
) {
  return <Textbox ref={ref} invalid={isInvalid(invalid, ariaInvalid)} {...props} />;
});

/** Utrecht's select and textarea exist only in its whole library: their markup, its CSS. */
export const SelectInput = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }
>(function SelectInput({ className, invalid, ...rest }, ref) {
  return (
    <select
      ref={ref}
      aria-invalid={invalid || undefined}
      {...rest}
      className={[
        'utrecht-select',
        'utrecht-select--html-select',
        invalid && 'utrecht-select--invalid',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    />
  );
});

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }
>(function TextArea({ className, invalid, ...rest }, ref) {
  return (
    <textarea
      ref={ref}
      aria-invalid={invalid || undefined}
      {...rest}
      className={[
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        invalid && 'utrecht-textarea--invalid',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    />
  );
});

export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { invalid, 'aria-invalid': ariaInvalid, ...props },
  ref,
) {
  return <UtrechtCheckbox ref={ref} invalid={isInvalid(invalid, ariaInvalid)} {...props} />;
});

export const RadioButton = forwardRef<HTMLInputElement, RadioButtonProps>(function RadioButton(
  { invalid, 'aria-invalid': ariaInvalid, ...props },
  ref,
) {
  return <UtrechtRadioButton ref={ref} invalid={isInvalid(invalid, ariaInvalid)} {...props} />;
});

/** A group of fields under one question: the legend is what a screen reader reads first. */
export function Fieldset({
  id,
  legend,
  legendId,
  className,
  describedBy,
  invalid,
  children,
  ...data
}: {
  id?: string;
  legend: ReactNode;
  /** For controls that name themselves by the question (aria-labelledby). */
  legendId?: string;
  className?: string;
  describedBy?: string;
  invalid?: boolean;
  children: ReactNode;
} & { [key: `data-${string}`]: string | undefined }) {
  return (
    <UtrechtFieldset
      id={id}
      className={className}
      aria-describedby={describedBy}
      invalid={invalid}
      {...data}
    >
      <FieldsetLegend id={legendId}>{legend}</FieldsetLegend>
      {children}
    </UtrechtFieldset>
  );
}
