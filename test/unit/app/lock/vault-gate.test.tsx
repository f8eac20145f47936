import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../../src/data/db';
import { lock, resetVault } from '../../../../src/data/crypto/vault';
import { initI18n } from '../../../../src/app/i18n/i18n';
import { VaultGate } from '../../../../src/app/lock/vault-gate';
import lockNl from '../../../../src/app/i18n/locales/lock-nl.json';

initI18n('nl');
// Until the lead merges lock-nl.json into the app's Dutch strings.
i18next.addResourceBundle('nl', 'translation', lockNl, true, false);

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  resetVault();
  database = new DichtbijDb(`vault-gate-${n++}`);
  useDb(database);
});
afterEach(async () => {
  vi.restoreAllMocks();
  resetVault();
  await database.delete();
});

async function typePin(user: ReturnType<typeof userEvent.setup>, pin: string) {
  for (const digit of pin) await user.click(screen.getByRole('button', { name: digit }));
}

describe('VaultGate', () => {
  it('asks for a PIN on first use, then shows the content; locks it away and opens again', async () => {
    const user = userEvent.setup();
    // In the app the lock screen is inside the router (it links to "Wissel van medewerker").
    render(
      <MemoryRouter>
        <VaultGate>
          <p>Dossier van Jolanda</p>
        </VaultGate>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Kies een pincode' })).toBeInTheDocument();
    await typePin(user, '123456');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(screen.getByRole('alert')).toHaveTextContent('te makkelijk');
    await user.click(screen.getByRole('button', { name: 'Alles weghalen' }));
    await typePin(user, '246810');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await typePin(user, '246810');
    await user.click(screen.getByRole('button', { name: 'Pincode opslaan' }));
    expect(await screen.findByText('Dossier van Jolanda')).toBeInTheDocument();

    act(() => lock());
    expect(await screen.findByRole('heading', { name: 'Dichtbij is op slot' })).toBeInTheDocument();
    expect(screen.queryByText('Dossier van Jolanda')).not.toBeInTheDocument();
    expect(screen.getByText(/na 10 foute pincodes/)).toBeInTheDocument();

    await typePin(user, '111222');
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    expect(await screen.findByText('Deze pincode klopt niet.')).toBeInTheDocument();
    expect(screen.getByText('U kunt het nog 9 keer proberen.')).toBeInTheDocument();

    await typePin(user, '246810');
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    expect(await screen.findByText('Dossier van Jolanda')).toBeInTheDocument();
  });

  it('covers the screen while the page is hidden', async () => {
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const { container } = render(
      <VaultGate>
        <p>inhoud</p>
      </VaultGate>,
    );
    await waitFor(() => expect(container.querySelector('[data-vault="no-pin"]')).not.toBeNull());
    expect(container.querySelector('.vault-privacy-cover')).toBeNull();
    act(() => {
      visibility = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(container.querySelector('.vault-privacy-cover')).not.toBeNull();
  });
});
