import {
  Checkbox as UtrechtCheckbox,
  type CheckboxProps,
  Fieldset as UtrechtFieldset,
  FieldsetLegend,
  FormField as UtrechtFormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton as UtrechtRadioButton,
  type RadioButtonProps,
  Select as UtrechtSelect,
  type SelectProps,
  Textarea as UtrechtTextarea,
  type TextareaProps,
  Textbox,
  type TextboxProps,
} from '@utrecht/component-library-react';
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
import { forwardRef, type ReactNode } from 'react';

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
          <FormFieldErrorMessage id={errorId} role="alert">
            {error}
          </FormFieldErrorMessage>
        ) : undefined
      }
      input={children}
    />
  );
}

export const TextInput = forwardRef<HTMLInputElement, TextboxProps>(function TextInput(props, ref) {
  return <Textbox ref={ref} {...props} />;
});

export const SelectInput = forwardRef<HTMLSelectElement, SelectProps>(
  function SelectInput(props, ref) {
    return <UtrechtSelect ref={ref} {...props} />;
  },
);

export const TextArea = forwardRef<HTMLTextAreaElement, TextareaProps>(
  function TextArea(props, ref) {
    return <UtrechtTextarea ref={ref} {...props} />;
  },
);

export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(props, ref) {
  return <UtrechtCheckbox ref={ref} {...props} />;
});

export const RadioButton = forwardRef<HTMLInputElement, RadioButtonProps>(
  function RadioButton(props, ref) {
    return <UtrechtRadioButton ref={ref} {...props} />;
  },
);

/** A group of fields under one question: the legend is what a screen reader reads first. */
export function Fieldset({
  legend,
  className,
  describedBy,
  invalid,
  children,
}: {
  legend: ReactNode;
  className?: string;
  describedBy?: string;
  invalid?: boolean;
  children: ReactNode;
}) {
  return (
    <UtrechtFieldset className={className} aria-describedby={describedBy} invalid={invalid}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {children}
    </UtrechtFieldset>
  );
}
