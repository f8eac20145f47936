import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './render-app';
import { Button } from '../../../src/app/components/button';
import { Notice } from '../../../src/app/components/notice';
import { FormField, TextInput } from '../../../src/app/components/form-field';
import { DichtbijDb, useDb as selectDb } from '../../../src/data/db';
import { resetVault } from '../../../src/data/crypto/vault';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { IntakeForm } from '../../../src/app/toekomst/intake-form';
import type { Trajectory } from '../../../src/data/repositories/toekomst';

let dbCount = 0;

/** Renders `path` for a synthetic signed-in worker with an unlocked vault, then cleans up. */
async function withWorker(role: 'vrijwilliger' | 'wijkteam', run: () => Promise<void>) {
  const database = new DichtbijDb(`nlds-${dbCount++}`);
  selectDb(database);
  await unlockVaultFor(database);
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: `demo-${role}`,
        email: `${role}@demo.dichtbij`,
        name: `Demo ${role}`,
        role,
        teamId: role === 'wijkteam' ? 'team-wijkteam-west' : 'team-geldpraatje',
        organisationId: null,
        wijken: ['crabbehof'],
      },
      deviceId: 'device-test-1',
      needsLogin: false,
    },
  });
  try {
    await run();
  } finally {
    cleanup();
    resetVault();
    database.close();
    await database.delete();
  }
}

/** The control is an NL Design System control inside an Utrecht form field with its label. */
function expectUtrechtField(control: HTMLElement, controlClass: string) {
  expect(control).toHaveClass(controlClass);
  expect(control.closest('.utrecht-form-field')).not.toBeNull();
}

/**
 * The screens are built from NL Design System components, not look-alike CSS: these fail when a
 * page falls back to a hand-written button, heading, field or header, or when a wrapper loses
 * the behaviour a worker relies on (a disabled button that still sends).
 */
describe('NL Design System components on the screens', () => {
  afterEach(cleanup);

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

  it('builds the new-signal form from Utrecht form fields, textboxes, selects, radios and fieldsets', async () => {
    await withWorker('vrijwilliger', async () => {
      renderApp('/signalen/nieuw');
      const name = await screen.findByLabelText('Naam of schuilnaam', {}, { timeout: 5000 });
      expectUtrechtField(name, 'utrecht-textbox');
      expectUtrechtField(screen.getByLabelText('Gegevens voor contact'), 'utrecht-textbox');
      expectUtrechtField(screen.getByLabelText('Wijk'), 'utrecht-select');
      expectUtrechtField(screen.getByLabelText('Korte notitie (mag leeg)'), 'utrecht-textarea');
      expectUtrechtField(screen.getByLabelText(/Snel/), 'utrecht-radio-button');
      expect(screen.getByLabelText('Ja, de bewoner vindt het goed')).toHaveClass(
        'utrecht-radio-button',
      );
      expect(
        name.closest('form')?.querySelector('fieldset:not(.utrecht-form-fieldset__fieldset)'),
      ).toBeNull();
    });
  });

  it('builds the toekomst refer form from Utrecht form fields, textboxes and a checkbox', async () => {
    await withWorker('vrijwilliger', async () => {
      renderApp('/toekomst/verwijzen');
      const name = await screen.findByLabelText('Naam of schuilnaam', {}, { timeout: 5000 });
      expectUtrechtField(name, 'utrecht-textbox');
      expectUtrechtField(screen.getByLabelText(/Hoe bereiken we de bewoner/), 'utrecht-textbox');
      expectUtrechtField(
        screen.getByLabelText('De bewoner vindt het goed dat de toekomstmakelaar contact opneemt.'),
        'utrecht-checkbox',
      );
    });
  });

  it('builds the toekomst intake from Utrecht fieldsets, checkboxes, textboxes and selects', () => {
    const trajectory = { record: { id: 'traj-1' }, intake: null } as unknown as Trajectory;
    const { container } = render(
      <IntakeForm
        trajectory={trajectory}
        worker={{ id: 'demo-toekomstmakelaar', role: 'toekomstmakelaar', teamId: null }}
      />,
    );
    expectUtrechtField(screen.getByLabelText('Werk', { exact: true }), 'utrecht-checkbox');
    expectUtrechtField(screen.getByLabelText('Uren per week'), 'utrecht-textbox');
    expectUtrechtField(screen.getByLabelText('Zelfvertrouwen'), 'utrecht-checkbox');
    expect(container.querySelector('select:not(.utrecht-select)')).toBeNull();
    expect(container.querySelector('textarea:not(.utrecht-textarea)')).toBeNull();
    expect(container.querySelector('fieldset:not(.utrecht-form-fieldset__fieldset)')).toBeNull();
  });

  it('builds the regelingen search and filters and the language switch from Utrecht fields', async () => {
    renderApp('/regelingen');
    const search = await screen.findByLabelText('Zoeken', {}, { timeout: 5000 });
    expectUtrechtField(search, 'utrecht-textbox');
    expectUtrechtField(screen.getByLabelText('Fundament'), 'utrecht-select');
    expectUtrechtField(screen.getByLabelText('Voor wie'), 'utrecht-select');
    expectUtrechtField(screen.getByLabelText('Wijk'), 'utrecht-select');
    expect(
      screen.getByRole('group', { name: 'Filters' }).closest('.utrecht-form-fieldset'),
    ).not.toBeNull();
    expectUtrechtField(screen.getByRole('combobox', { name: 'Taal' }), 'utrecht-select');
  });

  it('tells a non-coordinator on the insight screen in an Utrecht alert', async () => {
    await withWorker('vrijwilliger', async () => {
      renderApp('/inzicht');
      const notice = await screen.findByText(
        'Deze cijfers zijn voor coördinatoren.',
        {},
        { timeout: 5000 },
      );
      expect(notice).toHaveAttribute('role', 'status');
      expect(notice.closest('.utrecht-alert')).not.toBeNull();
    });
  });
});
