import {
  Button as NlButton,
  type ButtonProps as NlButtonProps,
} from '@nl-design-system-candidate/button-react';
import '@nl-design-system-candidate/button-css/button.css';
import { Link, type LinkProps } from 'react-router';

/** The three looks the NL Design System button has; `primary` for the one main action. */
export type ButtonPurpose = 'primary' | 'secondary' | 'subtle';

export type ButtonProps = Omit<
  NlButtonProps,
  'purpose' | 'hint' | 'disabled' | 'htmlDisabled' | 'label'
> & {
  purpose?: ButtonPurpose;
  /** Destructive (delete, revoke): the negative hint of the NL Design System button. */
  negative?: boolean;
  disabled?: boolean;
};

/**
 * The NL Design System button (candidate component). `disabled` is the HTML attribute here:
 * the candidate's own `disabled` only sets aria-disabled and lets the click through, and a
 * worker must not be able to send a form twice while it saves.
 */
export function Button({ purpose = 'primary', negative, disabled, ...rest }: ButtonProps) {
  return negative ? (
    <NlButton {...rest} purpose={purpose} hint="negative" htmlDisabled={disabled} />
  ) : (
    <NlButton {...rest} purpose={purpose} htmlDisabled={disabled} />
  );
}

/**
 * A link that looks like a button (the NL Design System has no candidate button-link yet): a
 * router link, so it navigates inside the app, with the button's classes and tokens.
 */
export function ButtonLink({
  purpose = 'primary',
  className,
  ...rest
}: LinkProps & { purpose?: ButtonPurpose }) {
  return (
    <Link
      {...rest}
      className={['nl-button', `nl-button--${purpose}`, className].filter(Boolean).join(' ')}
    />
  );
}
