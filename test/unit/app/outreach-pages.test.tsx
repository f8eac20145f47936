import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../src/data/crypto/vault';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { readSignal } from '../../../src/data/repositories/signals';
import { getCheck } from '../../../src/data/repositories/checks';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { vroegsignaalRecord } from '../helpers/vroegsignalen';
import { renderApp } from './render-app';

let database: DichtbijDb;
let n = 0;
const WORKER = 'demo-wijkteam';

beforeEach(async () => {
  database = new DichtbijDb(`outreach-app-${n++}`);
  useDb(database);
  await unlockVaultFor(database);
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: WORKER,
        email: 'wijkteam@demo.dichtbij',
        name: 'Demo wijkteam',
        role: 'wijkteam',
        teamId: 'team-wijkteam-west',
        organisationId: null,
        wijken: ['wielwijk', 'crabbehof'],
      },
      deviceId: 'device-test-1',
      needsLogin: false,
    },
  });
  for (const r of [
    vroegsignaalRecord({
      id: 'v-10',
      street: 'Proefstraat',
      houseNumber: 10,
      assignedToUser: WORKER,
    }),
    vroegsignaalRecord({
      id: 'v-2',
      street: 'Proefstraat',
      houseNumber: 2,
      creditorType: 'energie',
      wijk: 'crabbehof',
      assignedToUser: WORKER,
    }),
    vroegsignaalRecord({
      id: 'v-open',
      street: 'Bedachtweg',
      houseNumber: 3,
      assignedToTeam: 'team-wijkteam-west',
    }),
  ]) {
    await database.signals.put(await sealRecordUnlocked(r));
  }
});
afterEach(async () => {
  cleanup();
  resetVault();
  database.close();
  await database.delete();
});

describe('Mijn adressen vandaag', () => {
  it('lists her addresses in walking order with only what the visit needs, and filters', async () => {
    const user = userEvent.setup();
    renderApp('/adressen');
    const list = await screen.findByRole('list', { name: 'Mijn adressen vandaag' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link')
          .map((a) => a.querySelector('.card-title')?.textContent),
      ).toEqual(['Proefstraat 2', 'Proefstraat 10']),
    );
    expect(list).toHaveTextContent('Energie');
    expect(list).toHaveTextContent('Maanden achterstand: 2');
    expect(list).toHaveTextContent('Nog geen poging');
    // No amount or creditor reference on the list.
    expect(list).not.toHaveTextContent('450');
    expect(list).not.toHaveTextContent('ref-');
    await user.selectOptions(screen.getByLabelText('Soort achterstand'), 'huur');
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(screen.getByText('1 van 2 adressen')).toBeInTheDocument();
    // The team's address on nobody's list, taken on hers in one go.
    const open = screen.getByRole('region', { name: 'Nog niet verdeeld' });
    await user.click(within(open).getByRole('checkbox', { name: /Bedachtweg 3/ }));
    await user.click(within(open).getByRole('button', { name: 'Op mijn lijst zetten' }));
    expect(await within(open).findByText('Op uw lijst gezet: 1.')).toBeInTheDocument();
    expect((await database.signals.get('v-open'))?.assignedToUser).toBe(WORKER);
  });
});

describe('the visit screen', () => {
  it('records an attempt in one tap, then contact and help with where to', async () => {
    const user = userEvent.setup();
    renderApp('/adressen/v-10');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Proefstraat 10' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Brief bezorgd' }));
    expect(await screen.findByText('Vastgelegd: Brief bezorgd.')).toBeInTheDocument();
    await waitFor(async () => expect((await readSignal('v-10'))?.state.attempts).toHaveLength(1));
    // "Geen contact" waits for enough attempts.
    expect(screen.getByRole('button', { name: 'Geen contact' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Hulp aanvaard' }));
    await user.selectOptions(screen.getByLabelText('Waar gaat de bewoner naartoe?'), 'sdd');
    await user.click(screen.getByRole('button', { name: 'Hulp aanvaard opslaan' }));
    // Three encrypted events and a live re-read: seconds on a loaded 2-core CI machine.
    expect(
      await screen.findByText(
        'Hulp aanvaard: Sociale Dienst Drechtsteden (SDD)',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    const state = (await readSignal('v-10'))?.state;
    expect(state).toMatchObject({ status: 'contact-gelegd', help: 'aanvaard', helpTo: 'sdd' });
    expect(state?.attempts[0]).toMatchObject({ attempt: 'brief', by: WORKER });
  });

  it('starts a check linked to the vroegsignaal only after consent', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/adressen/v-2');
    const start = await screen.findByRole('button', { name: 'Bestaanszekerheidscheck starten' });
    expect(start).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Nieuw signaal vastleggen' })).toBeDisabled();
    await user.click(screen.getByLabelText('De bewoner vindt het goed dat ik dit vastleg.'));
    await user.click(start);
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/check\/[0-9A-Z]+/));
    const checkId = router.state.location.pathname.split('/')[2]!;
    const check = await getCheck(checkId);
    expect(check?.data.fromSignal).toBe('v-2');
    expect(check?.data.answers.consent).toMatchObject({ given: true });
  });
});
