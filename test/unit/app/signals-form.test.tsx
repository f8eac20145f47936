import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { resetVault } from '../../../src/data/crypto/vault';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { readSignal } from '../../../src/data/repositories/signals';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { renderApp } from './render-app';

let database: DichtbijDb;
let n = 0;

/** A synthetic signed-in volunteer, as the sync client stores her after login. */
async function signIn(role: 'vrijwilliger' | 'wijkteam' = 'vrijwilliger') {
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
}

beforeEach(async () => {
  database = new DichtbijDb(`signals-app-${n++}`);
  useDb(database);
  await unlockVaultFor(database);
  await signIn();
});
afterEach(async () => {
  cleanup();
  resetVault();
  database.close();
  await database.delete();
});

describe('Signaal vastleggen', () => {
  it('refuses a signal without category or consent, with messages by the fields, and saves nothing', async () => {
    const user = userEvent.setup();
    renderApp('/signalen/nieuw');
    expect(await screen.findByRole('heading', { name: 'Signaal vastleggen' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Naam of schuilnaam'), 'Mevrouw C (fictief)');
    await user.click(screen.getByRole('button', { name: 'Signaal opslaan' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Kies waar het signaal over gaat.');
    expect(alert).toHaveTextContent('Geef aan of de bewoner toestemming geeft.');
    expect(alert).toHaveTextContent('Vul in hoe we de bewoner kunnen bereiken.');
    expect(await database.signals.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('offers only the resident’s consent or acting without it, never the legal task of an import', async () => {
    renderApp('/signalen/nieuw');
    await screen.findByRole('heading', { name: 'Signaal vastleggen' });
    const radios = document.querySelectorAll<HTMLInputElement>('input[name="consent"]');
    expect([...radios].map((r) => r.value)).toEqual(['gegeven', 'zonder']);
  });

  it('shows the Veilig Thuis route apart and allows no-consent only for safety', async () => {
    const user = userEvent.setup();
    renderApp('/signalen/nieuw');
    const safety = await screen.findByRole('region', { name: 'Zorgen over veiligheid thuis?' });
    expect(safety).toHaveTextContent('Veilig Thuis');
    expect(safety).toHaveTextContent('112');
    await user.click(screen.getByRole('button', { name: 'Eenzaamheid' }));
    await user.click(screen.getByLabelText('Nee, maar ik maak me zorgen over de veiligheid'));
    await user.type(screen.getByLabelText('Waarom handelt u zonder toestemming?'), 'Zorgen');
    await user.click(screen.getByRole('button', { name: 'Signaal opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Zonder toestemming mag alleen bij zorgen over veiligheid.',
    );
    await user.click(within(safety).getByRole('button', { name: 'Signaal over veiligheid' }));
    expect(within(safety).getByRole('button', { name: 'Signaal over veiligheid' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('logs a signal in a few taps, prefilled from a check, and hands it to the wijkteam', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/signalen/nieuw?categorie=achterstand-huur&wijk=crabbehof&urgentie=hoog&check=check-1',
    );
    expect(await screen.findByText(/uit een bestaanszekerheidscheck/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Achterstand huur' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByLabelText('Wijk')).toHaveValue('crabbehof');
    expect(screen.getByLabelText(/Snel/)).toBeChecked();
    // A volunteer hands over to the wijkteam of the wijk by default.
    expect(screen.getByLabelText('Wie neemt contact op?')).toHaveValue('team-wijkteam-west');
    await user.click(screen.getByLabelText('Ja, de bewoner vindt het goed'));
    await user.type(screen.getByLabelText('Naam of schuilnaam'), 'Meneer D (fictief)');
    await user.type(screen.getByLabelText('Gegevens voor contact'), '0612345678');
    await user.click(screen.getByRole('button', { name: 'Signaal opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/signalen\/[0-9A-Z]+$/));
    const id = router.state.location.pathname.split('/').at(-1)!;
    const detail = await readSignal(id, database);
    expect(detail?.record).toMatchObject({
      category: 'achterstand-huur',
      wijk: 'crabbehof',
      urgency: 'hoog',
      assignedToTeam: 'team-wijkteam-west',
      status: 'nieuw',
    });
    expect(detail?.data).toMatchObject({
      residentName: 'Meneer D (fictief)',
      fromCheck: 'check-1',
    });
    expect(await screen.findByRole('heading', { name: /Achterstand huur/ })).toBeInTheDocument();
    expect(screen.getByText('Signaal vastgelegd')).toBeInTheDocument();
  });

  it('lets the wijkteam pick a signal up from the detail page and shows it in the list', async () => {
    await database.meta.delete(META_SESSION);
    await signIn('wijkteam');
    const user = userEvent.setup();
    const { router } = renderApp('/signalen/nieuw?categorie=eenzaamheid');
    await user.click(await screen.findByLabelText('Ja, de bewoner vindt het goed'));
    await user.type(screen.getByLabelText('Naam of schuilnaam'), 'Mevrouw E (fictief)');
    await user.click(screen.getByLabelText('Via de plek waar ik de bewoner zag'));
    await user.type(screen.getByLabelText('Gegevens voor contact'), 'Buurthuis (fictief)');
    await user.click(screen.getByRole('button', { name: 'Signaal opslaan' }));
    await user.click(await screen.findByRole('button', { name: 'Oppakken' }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('button', { name: 'Contact gelegd' })).toBeInTheDocument();
    await router.navigate('/signalen');
    const list = await screen.findByRole('list', { name: 'Mijn signalen' });
    expect(within(list).getByText(/Mevrouw E/)).toBeInTheDocument();
    expect(within(list).getByText('Opgepakt')).toBeInTheDocument();
  });
});
