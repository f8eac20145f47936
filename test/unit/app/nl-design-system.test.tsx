import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './render-app';
import { Button } from '../../../src/app/components/button';
import { Notice } from '../../../src/app/components/notice';
import { FormField, TextInput } from '../../../src/app/components/form-field';

/**
 * The screens are built from NL Design System components, not look-alike CSS: these fail when a
 * page falls back to a hand-written button, heading, field or header, or when a wrapper loses
 * the behaviour a worker relies on (a disabled button that still sends).
 */
describe('NL Design System components on the screens', () => {
  it('renders the start page with the candidate heading, button and skip link and the Utrecht page header', async () => {
    const { container } = renderApp('/');
    const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    expect(heading).toHaveClass('nl-heading', 'nl-heading--level-1');
    const search = screen.getByRole('button', { name: 'Zoeken' });
    expect(search).toHaveClass('nl-button', 'nl-button--primary');
    expect(screen.getByRole('link', { name: 'Naar de inhoud' })).toHaveClass('nl-skip-link');
    expect(container.querySelector('header')).toHaveClass('utrecht-page-header');
  });

  it('renders the sign-in fields as Utrecht form fields with their labels', async () => {
    renderApp('/inloggen');
    const email = await screen.findByLabelText('E-mailadres', {}, { timeout: 5000 });
    expect(email).toHaveClass('utrecht-textbox');
    expect(email.closest('.utrecht-form-field')).not.toBeNull();
    expect(screen.getByText('E-mailadres')).toHaveClass('utrecht-form-label');
    expect(screen.getByRole('button', { name: 'Inloggen' })).toHaveClass('nl-button');
  });

  it('keeps a disabled button from sending', async () => {
    let clicks = 0;
    render(
      <Button disabled onClick={() => clicks++}>
        Opslaan
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Opslaan' });
    expect(button).toBeDisabled();
    await userEvent.click(button);
    expect(clicks).toBe(0);
  });

  it('ties an error to its field and shows it as an Utrecht error message', () => {
    render(
      <FormField htmlFor="naam" label="Naam" error="Vul een naam in" errorId="naam-error">
        <TextInput id="naam" invalid aria-describedby="naam-error" />
      </FormField>,
    );
    const input = screen.getByLabelText('Naam');
    expect(input).toHaveAccessibleDescription('Vul een naam in');
    expect(screen.getByRole('alert')).toHaveClass('utrecht-form-field-error-message');
  });

  it('gives a notice a live role only when asked', () => {
    const { rerender, container } = render(<Notice type="warning">Let op</Notice>);
    expect(container.firstElementChild).toHaveClass('utrecht-alert', 'utrecht-alert--warning');
    expect(within(container).queryByRole('alert')).toBeNull();
    expect(within(container).queryByRole('status')).toBeNull();
    rerender(
      <Notice type="error" role="alert">
        Mislukt
      </Notice>,
    );
    expect(within(container).getByRole('alert')).toHaveTextContent('Mislukt');
  });
});
