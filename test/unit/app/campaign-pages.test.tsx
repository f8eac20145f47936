import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { isEncryptedBlob } from '../../../src/data/crypto/envelope';
import { sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import type { PlainRecord } from '../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../src/data/crypto/vault';
import { readSignal } from '../../../src/data/repositories/signals';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { signalIndexFromData } from '../../../src/domain/signals/signal-index';
import { campaignSignalData, validateCampaign } from '../../../src/domain/vroegsignalen/campaign';
import type { CampaignSummary } from '../../../src/domain/vroegsignalen/campaign-report';
import { OVERVIEW_COLUMNS } from '../../../src/domain/vroegsignalen/campaign-outcome';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { renderApp } from './render-app';

/**
 * The campaign screens: the worker's door screen on her device (encrypted, offline: no network
 * is stubbed in), and the coordinator's screen against a scripted server that checks the
 * campaign with the real domain validation.
 */
let database: DichtbijDb;
let n = 0;
const WORKER = 'demo-wijkteam';

beforeEach(() => {
  database = new DichtbijDb(`campaign-app-${n++}`);
  useDb(database);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  resetVault();
  database.close();
  await database.delete();
});

function campaignRecord(id: string, line: string): PlainRecord {
  const checked = validateCampaign(
    {
      name: 'Blok A',
      wijk: 'wielwijk',
      startsOn: '2026-12-01',
      endsOn: '2099-01-31',
      addresses: line,
    },
    { wijken: new Set(['wielwijk']), today: '2026-11-30' },
  );
  if (!checked.ok) throw new Error('invalid campaign fixture');
  const data = campaignSignalData(checked.value.addresses[0]!, {
    id: 'camp-1',
    name: 'Blok A (fictief)',
    endsOn: '2099-01-31',
  });
  return {
    id,
    entityType: 'signal',
    version: 1,
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T08:00:00.000Z',
    createdBy: 'campagne',
    wijk: 'wielwijk',
    status: 'nieuw',
    assignedToUser: WORKER,
    ...signalIndexFromData(data),
    data,
  };
}

async function signInWorker() {
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
        wijken: ['wielwijk'],
      },
      deviceId: 'device-test-1',
      needsLogin: false,
    },
  });
  await database.signals.put(
    await sealRecordUnlocked(campaignRecord('c-1', 'Proeflaan 1, 3317 AA Dordrecht')),
  );
  await database.signals.put(
    await sealRecordUnlocked(campaignRecord('c-2', 'Proeflaan 2, 3317 AA Dordrecht')),
  );
}

describe('the door screen', () => {
  it('shows the campaign on the day list; gesproken stores the questionnaire encrypted; a worry starts a signal with consent', async () => {
    await signInWorker();
    const user = userEvent.setup();
    renderApp('/adressen');
    const list = await screen.findByRole('list', { name: 'Mijn adressen vandaag' });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2));
    expect(list).toHaveTextContent('Campagne: Blok A (fictief)');

    await user.click(within(list).getAllByRole('link')[0]!);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Proeflaan 1' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('door-outcome')).toHaveTextContent('Nog niet bezocht');
    await user.click(screen.getByRole('button', { name: 'Gesproken: vragen stellen' }));
    const geld = screen.getByRole('group', { name: /Geld: Hoe gaat het rondkomen/ });
    await user.click(within(geld).getByRole('radio', { name: 'Zorg' }));
    const wonen = screen.getByRole('group', { name: /Wonen/ });
    await user.click(within(wonen).getByRole('radio', { name: 'Geen zorg' }));
    await user.click(screen.getByRole('button', { name: 'Gesprek opslaan' }));
    await waitFor(() => expect(screen.getByTestId('door-outcome')).toHaveTextContent('Gesproken'), {
      timeout: 15_000,
    });
    const state = (await readSignal('c-1'))!.state;
    expect(state.attempts[0]?.answers).toEqual({ geld: 'zorg', wonen: 'geen-zorg' });
    expect(state.status).toBe('contact-gelegd');
    // The answers are in the event body, which is encrypted at rest like every event.
    const events = await database.events
      .where('[entityType+entityId]')
      .equals(['signal', 'c-1'])
      .toArray();
    expect(events.length).toBe(3);
    for (const e of events) expect(isEncryptedBlob(e.body)).toBe(true);

    expect(screen.getByText('Zorg bij: Geld.')).toBeInTheDocument();
    const start = screen.getByRole('button', { name: 'Signaal starten: Geld' });
    expect(start).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /vindt het goed/ }));
    await user.click(start);
    // The new-signal form, with the domain's category and the consent already given.
    expect(
      await screen.findByRole('button', { name: 'Geldzorgen en schulden', pressed: true }),
    ).toBeInTheDocument();
  });

  it('geweigerd and leegstand in one tap each; leegstand closes the address', async () => {
    await signInWorker();
    const user = userEvent.setup();
    renderApp('/adressen/c-2');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Proeflaan 2' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leegstand' }));
    await waitFor(() => expect(screen.getByTestId('door-outcome')).toHaveTextContent('Leegstand'), {
      timeout: 15_000,
    });
    expect(screen.getByRole('button', { name: 'Huisbezoek – niet thuis' })).toBeDisabled();
    expect((await readSignal('c-2'))!.state).toMatchObject({
      status: 'afgerond',
      closeReason: 'leegstand',
    });

    cleanup();
    renderApp('/adressen/c-1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Proeflaan 1' }),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Geweigerd' }));
    await waitFor(() => expect(screen.getByTestId('door-outcome')).toHaveTextContent('Geweigerd'), {
      timeout: 15_000,
    });
    // Someone opened the door: the address can no longer be called empty.
    expect(screen.getByRole('button', { name: 'Leegstand' })).toBeDisabled();
  });
});

function summary(id: string, name: string, addresses: number): CampaignSummary {
  return {
    id,
    name,
    wijk: 'crabbehof',
    startsOn: '2026-12-01',
    endsOn: '2027-01-31',
    createdAt: '2026-11-30T12:00:00.000Z',
    addresses,
    cells: Object.fromEntries(
      OVERVIEW_COLUMNS.map((c) => [
        c,
        c === 'visited'
          ? { kind: 'value', value: 7 }
          : c === 'zorg.geld'
            ? { kind: 'small' }
            : { kind: 'value', value: 0 },
      ]),
    ) as CampaignSummary['cells'],
  };
}

async function signInCoordinator() {
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'demo-coordinator',
        email: 'coordinator@demo.dichtbij',
        name: 'Coby',
        role: 'coordinator',
        teamId: null,
        organisationId: null,
        wijken: [],
      },
      deviceId: 'device-coord-1',
      needsLogin: false,
    },
  });
  await keepSecrets(
    database,
    {
      accessToken: 'test-access-token',
      accessExpiresAt: '2099-01-01T00:00:00.000Z',
      refreshToken: 'test-refresh-token-long-enough',
      refreshExpiresAt: '2099-01-01T00:00:00.000Z',
    },
    'coordinator',
  );
  const campaigns: CampaignSummary[] = [summary('camp-0', 'Eerdere ronde (fictief)', 12)];
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/campagnes' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as unknown;
        posted.push(body);
        const checked = validateCampaign(body, {
          wijken: new Set(['wielwijk', 'crabbehof']),
          today: '2026-11-30',
        });
        if (!checked.ok) return json({ ok: false, problems: checked.problems });
        const made = summary('camp-1', checked.value.name, checked.value.addresses.length);
        campaigns.unshift(made);
        return json({ ok: true, campaign: made, withoutTeam: false });
      }
      if (url.pathname === '/api/campagnes') return json({ campaigns });
      return json({ ok: true });
    }),
  );
  return posted;
}

describe('the coordinator campaign screen', () => {
  it('shows the overview in counts with "< 5", refuses a bad list by line keeping the text, then makes it', async () => {
    const posted = await signInCoordinator();
    const user = userEvent.setup();
    renderApp('/campagnes');
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Campagnes' })).toBeInTheDocument();
    const table = await screen.findByTestId('campaign-overview');
    const row = table.querySelector('[data-campaign="camp-0"]') as HTMLElement;
    expect(row.querySelector('[data-column="addresses"]')).toHaveTextContent('12');
    expect(row.querySelector('[data-column="visited"]')).toHaveTextContent('7');
    expect(row.querySelector('[data-column="zorg.geld"]')).toHaveTextContent('< 5');

    await user.type(screen.getByLabelText('Naam'), 'Blok B (fictief)');
    await user.selectOptions(screen.getByLabelText('Wijk'), 'crabbehof');
    await user.type(screen.getByLabelText('Begindatum'), '2026-12-01');
    await user.type(screen.getByLabelText('Einddatum'), '2027-01-31');
    const addresses = screen.getByLabelText('Adressen');
    await user.type(addresses, 'Proeflaan 1, 3317 AA Dordrecht{enter}Proeflaan zonder nummer');
    await user.click(screen.getByRole('button', { name: 'Campagne maken' }));
    const problems = await screen.findByTestId('campaign-problems');
    expect(problems).toHaveTextContent('Regel 2: Dit adres kunnen we niet lezen.');
    expect(addresses).toHaveValue('Proeflaan 1, 3317 AA Dordrecht\nProeflaan zonder nummer');

    await user.clear(addresses);
    await user.upload(
      screen.getByLabelText('Adressen uit een bestand'),
      new File(
        [
          'straat;huisnummer;postcode;woonplaats\nProeflaan;1;3317AA;Dordrecht\nProeflaan;3;3317AA;Dordrecht\n',
        ],
        'adressen.csv',
        { type: 'text/csv' },
      ),
    );
    await waitFor(() => expect((addresses as HTMLTextAreaElement).value).toContain('Proeflaan;3'));
    await user.click(screen.getByRole('button', { name: 'Campagne maken' }));
    expect(
      await screen.findByText('Campagne "Blok B (fictief)" gemaakt met 2 adressen.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Blok B (fictief)', { selector: 'th' })).toBeInTheDocument();
    expect(posted).toHaveLength(2);
    // The coordinator's device keeps nothing of the campaign.
    expect(await database.signals.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });
});
