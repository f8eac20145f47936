import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { resetVault } from '../../../src/data/crypto/vault';
import { roleSchema } from '../../../src/domain/sync/roles';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { listChecks } from '../../../src/data/repositories/checks';
import { TALLY_KEYS } from '../../../src/domain/spreekuur/tally';
import { takeQuickCheckStart } from '../../../src/app/spreekuur/quick-check-entry';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 10_000 });

/** Recognisable synthetic answers: amounts no catalogue or rule holds. */
const SAVINGS = '97531';
const INCOME = '8642';

let database: DichtbijDb;
let n = 0;

beforeEach(async () => {
  database = new DichtbijDb(`quick-check-${n++}`);
  useDb(database);
  await unlockVaultFor(database);
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'u-vrijwilliger',
        role: 'vrijwilliger',
        teamId: null,
        organisationId: null,
        wijken: [],
        email: 'vrijwilliger@example.invalid',
        name: 'Test',
      },
      deviceId: 'd1',
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
    roleSchema.parse('vrijwilliger'),
  );
  // No server in unit tests: the tally stays queued (a sync attempt fails politely).
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'));
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  takeQuickCheckStart();
  resetVault();
  await database.delete();
});

/** Every value of every object store of every IndexedDB database, as text. */
async function rawScan(): Promise<{ db: string; store: string; text: string }[]> {
  const found: { db: string; store: string; text: string }[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    for (const store of [...idb.objectStoreNames]) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
      for (const v of values) {
        const text = JSON.stringify(v, (_k, x: unknown) =>
          x instanceof ArrayBuffer || ArrayBuffer.isView(x)
            ? Array.from(new Uint8Array(x as ArrayBuffer)).join(',')
            : x,
        );
        found.push({ db: info.name, store, text });
      }
    }
    idb.close();
  }
  return found;
}

function containsAnswers(text: string): boolean {
  return text.includes(SAVINGS) || text.includes(INCOME);
}

function group(label: string): HTMLElement {
  return screen.getByRole('group', { name: label });
}

describe('the anonymous quick check', () => {
  it(
    'leaves no answer anywhere on the device after closing; only the tally with its keys',
    {
      timeout: 90_000,
    },
    async () => {
      const user = userEvent.setup();
      const { router } = renderApp('/spreekuur/snelcheck');
      expect(await screen.findByTestId('quick-check-notice')).toHaveTextContent(
        'er wordt niets bewaard',
      );
      await user.selectOptions(
        screen.getByLabelText('Wijk van de inwoner (mag leeg blijven)'),
        'crabbehof',
      );
      await user.click(screen.getByRole('button', { name: 'Begin de snelcheck' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Inkomen' })).toBeVisible();
      expect(router.state.location.pathname).toBe('/spreekuur/snelcheck/inkomen');

      const savings = within(
        await screen.findByRole('group', { name: 'Hoeveel spaargeld heeft het huishouden samen?' }),
      ).getByRole('textbox');
      await user.type(savings, SAVINGS);
      await user.tab();
      await user.click(
        within(group('Hoe gaat het rondkomen met het geld dat u heeft?')).getByLabelText(
          'Het is moeilijk',
        ),
      );
      // Nothing was written: no check record, no draft, no outbox entry.
      expect(await database.checks.count()).toBe(0);
      expect(await database.outbox.count()).toBe(0);
      expect(await database.drafts.count()).toBe(0);

      await user.click(screen.getByRole('link', { name: /Uitkomst/ }));
      await user.click(await screen.findByRole('button', { name: 'Check afronden' }));
      await user.click(await screen.findByRole('link', { name: 'Samenvatting voor de inwoner' }));
      expect(await screen.findByTestId('resident-summary')).toBeVisible();
      await user.click(screen.getByRole('button', { name: 'Sluiten en antwoorden wissen' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/spreekuur'));
      expect(await screen.findByTestId('spreekuur-residents')).toHaveTextContent(
        '1 inwoner vandaag met een snelcheck',
      );

      await waitFor(async () => expect(await database.tallies.count()).toBe(1));
      const scanned = await rawScan();
      expect(scanned.length).toBeGreaterThan(0);
      const leaks = scanned.filter((s) => containsAnswers(s.text));
      expect(leaks.map((l) => `${l.db}/${l.store}`)).toEqual([]);
      for (const store of ['checks', 'outbox', 'drafts', 'events', 'rejected', 'conflicts'])
        expect(scanned.filter((s) => s.store === store)).toEqual([]);
      const tallies = scanned.filter((s) => s.store === 'tallies');
      expect(tallies).toHaveLength(1);
      const row = JSON.parse(tallies[0]!.text) as { tally: Record<string, unknown> };
      expect(Object.keys(row).sort()).toEqual(['day', 'id', 'sent', 'tally']);
      for (const key of Object.keys(row.tally)) expect(TALLY_KEYS).toContain(key);
      expect(row.tally).toMatchObject({
        wijk: 'crabbehof',
        summaryLanguage: 'nl',
        topics: ['inkomen'],
        questions: ['rondkomen', 'vermogen'],
      });
      expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
    },
  );

  it('the scan finds answers wherever they are written (control)', async () => {
    await database.meta.put({ key: 'leak', value: { vermogen: Number(SAVINGS) } });
    const leaks = (await rawScan()).filter((s) => containsAnswers(s.text));
    expect(leaks.map((l) => l.store)).toEqual(['meta']);
  });

  it(
    'converts to a normal, encrypted check with consent, keeping the answers and counting no tally',
    {
      timeout: 60_000,
    },
    async () => {
      const user = userEvent.setup();
      const { router } = renderApp('/spreekuur/snelcheck');
      await user.click(await screen.findByRole('button', { name: 'Begin de snelcheck' }));
      const savings = within(
        await screen.findByRole('group', { name: 'Hoeveel spaargeld heeft het huishouden samen?' }),
      ).getByRole('textbox');
      await user.type(savings, SAVINGS);
      await user.tab();
      await user.click(screen.getByRole('link', { name: /Uitkomst/ }));
      const convert = await screen.findByRole('button', { name: 'Bewaren als gewone check' });
      expect(convert).toBeDisabled();
      await user.click(
        screen.getByLabelText(
          'De inwoner geeft toestemming om de antwoorden te bewaren als gewone check.',
        ),
      );
      await user.click(convert);
      await waitFor(() =>
        expect(router.state.location.pathname).toMatch(/^\/check\/.+\/uitkomst$/),
      );
      const [check] = await listChecks(undefined, database);
      expect(check?.data.answers.answers.vermogen).toEqual({
        status: 'answered',
        value: Number(SAVINGS),
      });
      expect(check?.data.answers.consent.given).toBe(true);
      expect(await database.outbox.count()).toBe(1);
      // Stored encrypted, like every check; and the conversation is not counted a second time.
      expect((await rawScan()).filter((s) => containsAnswers(s.text))).toEqual([]);
      await router.navigate('/spreekuur');
      expect(await screen.findByTestId('spreekuur-residents')).toHaveTextContent('0 inwoners');
      expect(await database.tallies.count()).toBe(0);
    },
  );
});
