import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { Mutation } from '../../src/domain/sync/protocol';
import { RECORD_SCHEMA_VERSION } from '../../src/domain/records/record-schema';
import type { CreditorType } from '../../src/domain/vroegsignalen/vroegsignaal';
import { CREDITOR_TYPES, categoryForCreditor } from '../../src/domain/vroegsignalen/vroegsignaal';
import { openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';
import { axeViolations } from './screen-checks';
import { DEMO_WIJKTEAM, signInAs, syncNow } from './session';

const env = setUpE2eEnvironment();

const WORKER = 'demo-wijkteam';
const TEAM = 'team-wijkteam-west';

/** The worker's 10 addresses, deliberately out of walking order (synthetic streets). */
const HERS = [
  ['Proefstraat (fictief)', 10, 'A'],
  ['Proefstraat (fictief)', 2, undefined],
  ['Fictieflaan', 7, undefined],
  ['Proefstraat (fictief)', 10, undefined],
  ['Fictieflaan', 31, undefined],
  ['Proefstraat (fictief)', 10, 'B'],
  ['Fictieflaan', 12, undefined],
  ['Bedachtweg', 1, undefined],
  ['Proefstraat (fictief)', 4, undefined],
  ['Bedachtweg', 100, undefined],
] as const;

const WALKING_ORDER = [
  'Bedachtweg 1',
  'Bedachtweg 100',
  'Fictieflaan 7',
  'Fictieflaan 12',
  'Fictieflaan 31',
  'Proefstraat (fictief) 2',
  'Proefstraat (fictief) 4',
  'Proefstraat (fictief) 10',
  'Proefstraat (fictief) 10A',
  'Proefstraat (fictief) 10B',
];

/**
 * 50 vroegsignalen as the import stores them: ordinary signal records held by team West, 10 of
 * them on the worker's list (assignedToUser). Pushed through the server's own push path as a
 * colleague of the team. TODO(lead): switch to the import screen once vroeg-import is merged.
 */
async function seedVroegsignalen(file: string): Promise<string[]> {
  const storage = openSqliteStorage(file);
  const colleague = await storage.getUser('demo-wijkteam-2');
  if (!colleague) throw new Error('demo-wijkteam-2 missing');
  const mutations: Mutation[] = [];
  const hers: string[] = [];
  for (let i = 0; i < 50; i++) {
    const mine = i < HERS.length;
    const [street, houseNumber, suffix] = mine
      ? HERS[i]!
      : (['Verzonnenstraat', i + 1, undefined] as const);
    const creditorType: CreditorType = CREDITOR_TYPES[i % CREDITOR_TYPES.length]!;
    const line = `${street} ${houseNumber}${suffix ?? ''}`;
    const id = `vroeg-e2e-${String(i).padStart(2, '0')}`;
    if (mine) hers.push(id);
    const data: Record<string, unknown> = {
      category: categoryForCreditor(creditorType),
      urgency: 'normaal',
      consent: 'wettelijke-taak',
      residentName: line,
      contactWay: 'adres',
      contactValue: line,
      dueAt: '2026-12-31',
      source: 'vroegsignaal',
      creditorType,
      arrearsCents: 30_000 + i * 1_000,
      monthsInArrears: 1 + (i % 4),
      reportedOn: '2026-11-20',
      street,
      houseNumber,
      postcode: '3317AA',
      city: 'Dordrecht',
      externalRef: `e2e-ref-${i}`,
      importId: 'e2e-import',
    };
    if (suffix) data.houseNumberSuffix = suffix;
    mutations.push({
      mutationId: `seed-${id}`,
      seq: i + 1,
      entityType: 'signal',
      entityId: id,
      op: 'put',
      baseVersion: 0,
      schemaVersion: RECORD_SCHEMA_VERSION,
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
      payload: {
        wijk: i % 2 === 0 ? 'wielwijk' : 'crabbehof',
        status: 'nieuw',
        assignedToTeam: TEAM,
        assignedToUser: mine ? WORKER : null,
        data: data as never,
      },
    });
  }
  const response = await storage.push(
    { user: colleague, deviceId: 'e2e-import' },
    mutations,
    new Date().toISOString(),
  );
  await storage.close();
  expect(response.results.filter((r) => r.status === 'applied')).toHaveLength(50);
  return hers;
}

function dayList(page: Page) {
  return page.getByRole('list', { name: 'Mijn adressen vandaag' });
}

async function titles(page: Page): Promise<string[]> {
  return (await dayList(page).locator('.card-title').allTextContents()).map((t) => t.trim());
}

async function openAddress(page: Page, address: string): Promise<void> {
  const exact = new RegExp(`^${address.replace(/[()]/g, '\\$&')}$`);
  await dayList(page).locator('.card-title', { hasText: exact }).click();
  await page.waitForURL(/\/adressen\/vroeg-e2e-\d+$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(address);
}

async function tap(page: Page, button: string, saved: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Vastgelegd' }).textContent())
    .toBe(`Vastgelegd: ${saved}.`);
}

describe('Vroeg erop af: a day list of vroegsignalen, worked offline', () => {
  it('syncs the assigned addresses, works through them with the server gone, and syncs the visits', async () => {
    await env.server.stop();
    const file = join(env.server.dataDir, 'dichtbij.sqlite');
    const hers = await seedVroegsignalen(file);
    await env.server.start();

    // A tablet of her own; CSP bypassed only so axe-core can be injected for the checks below.
    const context = await env.browser.newContext({ serviceWorkers: 'allow', bypassCSP: true });
    const w = await context.newPage();
    await w.goto(env.server.url);
    await waitForServiceWorker(w);
    const device = { context, page: w };
    await signInAs(w, env.server.url, DEMO_WIJKTEAM, '/adressen');
    await syncNow(w);
    await w
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Adressen' })
      .click();
    await expect.poll(() => titles(w)).toEqual(WALKING_ORDER);
    // The other 40 are the team's, on nobody's list yet.
    await expect
      .poll(() =>
        w.getByRole('region', { name: 'Nog niet verdeeld' }).getByRole('checkbox').count(),
      )
      .toBe(40);

    expect(await axeViolations(w)).toEqual([]);

    // The server is taken away for real: the service worker's own requests fail too.
    await env.server.stop();
    await device.context.setOffline(true);

    const plan: [string, 'niet-thuis' | 'gesproken' | 'brief'][] = WALKING_ORDER.map((a, i) => [
      a,
      i < 4 ? 'niet-thuis' : i < 7 ? 'gesproken' : 'brief',
    ]);
    for (const [address, what] of plan) {
      await openAddress(w, address);
      if (what === 'niet-thuis') {
        await tap(w, 'Huisbezoek – niet thuis', 'Huisbezoek – niet thuis');
      } else if (what === 'brief') {
        await tap(w, 'Brief bezorgd', 'Brief bezorgd');
      } else {
        await tap(w, 'Huisbezoek – gesproken', 'Huisbezoek – gesproken');
        if (address === WALKING_ORDER[4]) expect(await axeViolations(w)).toEqual([]);
        await w.getByRole('button', { name: 'Hulp aanvaard', exact: true }).click();
        await w.getByLabel('Waar gaat de bewoner naartoe?').selectOption('schuldhulp');
        await tap(w, 'Hulp aanvaard opslaan', 'Hulp aanvaard');
        await expect
          .poll(() => w.getByText('Hulp aanvaard: Schuldhulp').count())
          .toBeGreaterThan(0);
      }
      await w.getByRole('link', { name: 'Terug naar mijn adressen' }).click();
      await w.waitForURL((url) => url.pathname === '/adressen');
    }
    // Offline, the list knows who was visited at the door: only the letters are left.
    // Clicked, not check(): the box follows the address bar, which updates a moment later.
    const notVisited = w.getByLabel('Alleen nog niet aan de deur geweest');
    await notVisited.click();
    await expect.poll(() => titles(w)).toEqual(WALKING_ORDER.slice(7));
    await expect.poll(() => notVisited.isChecked()).toBe(true);
    await notVisited.click();
    await expect.poll(() => titles(w)).toEqual(WALKING_ORDER);

    // Back online: the visits go to the server.
    await env.server.start();
    await device.context.setOffline(false);
    await syncNow(w);

    const sqlite = new Database(file, { readonly: true });
    try {
      const rows = sqlite
        .prepare(
          `select entity_id, kind, status, body, created_by from events
           where entity_type = 'signal' and entity_id like 'vroeg-e2e-%' order by version`,
        )
        .all() as {
        entity_id: string;
        kind: string;
        status: string | null;
        body: string | null;
        created_by: string;
      }[];
      expect(new Set(rows.map((r) => r.entity_id))).toEqual(new Set(hers));
      expect(rows.every((r) => r.created_by === WORKER)).toBe(true);
      const attempts = rows
        .filter((r) => r.kind === 'attempt')
        .map((r) => (JSON.parse(r.body ?? '{}') as { attempt: string }).attempt);
      expect(attempts.sort()).toEqual(
        [
          ...Array<string>(3).fill('brief'),
          ...Array<string>(3).fill('huisbezoek-gesproken'),
          ...Array<string>(4).fill('huisbezoek-niet-thuis'),
        ].sort(),
      );
      const help = rows.filter((r) => r.kind === 'help').map((r) => JSON.parse(r.body ?? '{}'));
      expect(help).toEqual(
        Array(3).fill(expect.objectContaining({ help: 'aanvaard', helpTo: 'schuldhulp' })),
      );
      const statuses = sqlite
        .prepare(
          `select status, count(*) as n from records
           where entity_type = 'signal' and id like 'vroeg-e2e-%' group by status order by status`,
        )
        .all();
      expect(statuses).toEqual([
        { status: 'contact-gelegd', n: 3 },
        { status: 'nieuw', n: 40 },
        { status: 'opgepakt', n: 7 },
      ]);
    } finally {
      sqlite.close();
    }
  });
});
