import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness';
import { appServer, launchBrowser } from './harness';
import { openSqliteStorage } from '../../src/server/storage/kysely-storage';
import type { Browser } from 'playwright-core';
import { fillParentCheck, openOutcome } from './check-steps';
import {
  DEMO_WIJKTEAM,
  dismissOfflineToast,
  newDevice,
  signInAs,
  signInAsVolunteer,
  syncNow,
  unlockWithPin,
} from './session';

// Without the demo signals, so every count on the screen is one this test made.
const env = {} as { server: AppServer; browser: Browser };
beforeAll(async () => {
  env.server = await appServer({ SEED_DEMO_DATA: '0' });
  await env.server.start();
  env.browser = await launchBrowser();
});
afterAll(async () => {
  await env.browser?.close();
  await env.server?.stop();
});

const today = new Date();
const iso = (d: Date) => d.toISOString();
const day = (offset: number) => iso(new Date(today.getTime() + offset * 86_400_000)).slice(0, 10);

/**
 * A month's work as the server holds it, written straight into the server's SQLite file while
 * it is stopped (synthetic, no real person): the rest of the city's month, so the figures the test
 * changes through the screens sit just below and above 5. 12 signals in Wielwijk for the wijkteam,
 * 6 with contact of which 5 accepted help, and another volunteer's 6 completed checks suggesting
 * Dordtpas, 4 of them granted.
 */
function seedMonth(file: string): void {
  const db = new Database(file);
  const counter = db.prepare(`SELECT value FROM counters WHERE name = 'version'`).get() as {
    value: number;
  };
  let version = counter.value;
  const now = iso(today);
  const insertRecord = db.prepare(
    `INSERT INTO records (entity_type, id, owner_id, team_id, wijk, status, assigned_user,
       assigned_team, created_at, updated_at, deleted, version, data, stamps)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?, '{}')`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (id, entity_type, entity_id, kind, status, body, created_at, created_by,
       device_id, version) VALUES (?, 'signal', ?, ?, ?, ?, ?, 'demo-wijkteam', 'seed', ?)`,
  );
  for (let i = 0; i < 12; i++) {
    const id = `E2E-INSIGHT-SIGNAL-${String(i).padStart(2, '0')}`;
    const contact = i < 6;
    insertRecord.run(
      'signal',
      id,
      'demo-wijkteam',
      'team-wijkteam-west',
      'wielwijk',
      contact ? 'contact-gelegd' : 'nieuw',
      'team-wijkteam-west',
      now,
      now,
      ++version,
      JSON.stringify({
        category: 'achterstand-huur',
        urgency: 'normaal',
        consent: 'gegeven',
        residentName: `Bewoner ${i} (fictief)`,
        contactWay: 'via-vindplaats',
        contactValue: 'Buurthuis (fictief)',
        dueAt: day(7),
      }),
    );
    if (contact) {
      insertEvent.run(
        `${id}-e1`,
        id,
        'status',
        'opgepakt',
        JSON.stringify({ from: 'nieuw', to: 'opgepakt' }),
        now,
        ++version,
      );
      insertEvent.run(
        `${id}-e2`,
        id,
        'status',
        'contact-gelegd',
        JSON.stringify({ from: 'opgepakt', to: 'contact-gelegd', contactAt: now }),
        now,
        ++version,
      );
      if (i < 5)
        insertEvent.run(
          `${id}-e3`,
          id,
          'help',
          null,
          JSON.stringify({ help: 'aanvaard' }),
          now,
          ++version,
        );
    }
  }
  for (let i = 0; i < 6; i++) {
    const takeUp = i < 4 ? { dordtpas: { status: 'toegekend', recordedAt: now } } : {};
    insertRecord.run(
      'check',
      `E2E-INSIGHT-CHECK-${i}`,
      'demo-vrijwilliger-2',
      'team-geldpraatje',
      'wielwijk',
      'afgerond',
      null,
      now,
      now,
      ++version,
      JSON.stringify({ suggested: ['dordtpas'], doelgroepen: [], takeUp, completedAt: now }),
    );
  }
  // Six residents with the toekomstmakelaars in Wielwijk, each with a plan whose first step is
  // "aangemeld" (none started yet).
  const insertStep = db.prepare(
    `INSERT INTO events (id, entity_type, entity_id, kind, status, body, created_at, created_by,
       device_id, version) VALUES (?, 'toekomst', ?, 'step', NULL, ?, ?, 'demo-toekomstmakelaar', 'seed', ?)`,
  );
  for (let i = 0; i < 6; i++) {
    const id = `E2E-INSIGHT-TOEKOMST-${i}`;
    insertRecord.run(
      'toekomst',
      id,
      'demo-toekomstmakelaar',
      'team-toekomstmakelaars',
      'wielwijk',
      'in-traject',
      'team-toekomstmakelaars',
      now,
      now,
      ++version,
      JSON.stringify({
        residentName: `Bewoner T${i} (fictief)`,
        contact: 'Buurthuis (fictief)',
        consent: true,
        referredFrom: 'eigen',
      }),
    );
    insertStep.run(
      `${id}-s1`,
      id,
      JSON.stringify({
        stepId: 'st-1',
        offerId: 'leerpraktijkcentrum-waterwiel',
        from: null,
        to: 'aangemeld',
      }),
      now,
      ++version,
    );
  }
  // Creditors' arrears signals (issue 17) in Crabbehof: per creditor type how many came in, how
  // many were reached and how many accepted help — huur 8/6/5, energie, water and
  // zorgverzekering 5/5/5 each, so every count is shown.
  const vroeg: [string, number, number, number][] = [
    ['huur', 8, 6, 5],
    ['energie', 5, 5, 5],
    ['water', 5, 5, 5],
    ['zorgverzekering', 5, 5, 5],
  ];
  for (const [creditor, made, reached, helped] of vroeg) {
    for (let i = 0; i < made; i++) {
      const id = `E2E-INSIGHT-VROEG-${creditor}-${i}`;
      insertRecord.run(
        'signal',
        id,
        'demo-wijkteam',
        'team-wijkteam-west',
        'crabbehof',
        i < reached ? 'contact-gelegd' : 'nieuw',
        'team-wijkteam-west',
        now,
        now,
        ++version,
        JSON.stringify({
          category: `achterstand-${creditor}`,
          urgency: 'normaal',
          source: 'vroegsignaal',
          creditorType: creditor,
          consent: 'wettelijke-taak',
          residentName: `Huishouden ${creditor} ${i} (fictief)`,
          contactWay: 'adres',
          contactValue: `Voorbeeldstraat ${i + 1} (fictief)`,
        }),
      );
      if (i < reached) {
        insertEvent.run(
          `${id}-e1`,
          id,
          'status',
          'contact-gelegd',
          JSON.stringify({ from: 'nieuw', to: 'contact-gelegd', contactAt: now }),
          now,
          ++version,
        );
      }
      if (i < helped) {
        insertEvent.run(
          `${id}-e2`,
          id,
          'help',
          null,
          JSON.stringify({ help: 'aanvaard', helpTo: 'schuldhulp' }),
          now,
          ++version,
        );
      }
    }
  }
  db.prepare(`UPDATE counters SET value = ? WHERE name = 'version'`).run(version);
  db.close();
}

async function openFigures(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent('/inzicht')}`);
  await page.locator('#login-email').fill('coordinator@demo.dichtbij');
  await page.locator('#login-password').fill('demo-coordinator-2026');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/inzicht');
  await page.getByRole('heading', { level: 1, name: 'Cijfers voor coördinatoren' }).waitFor();
  await page.locator('.insight-filters select').first().selectOption('wielwijk');
}

/**
 * Asks the server again by choosing the month before and then this month, as the coordinator
 * would compare them: the screen keeps no figures, so each choice is a new request.
 */
async function refreshFigures(page: Page): Promise<void> {
  const month = page.getByLabel('Maand');
  const now = await month.inputValue();
  const [y, m] = now.split('-').map(Number);
  const before = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 2, 1)).toISOString().slice(0, 7);
  await month.fill(before);
  await expect.poll(() => page.locator('.insight-kpi').count()).toBeGreaterThan(0);
  await month.fill(now);
  await page.locator('.insight-filters select').first().selectOption('wielwijk');
}

const kpi = (page: Page, label: string) =>
  page.locator('.insight-kpi', { hasText: label }).locator('.insight-kpi-value').textContent();

/** A table as the coordinator reads it: caption, column heads, then each row's header and cells. */
async function tablesOnScreen(
  page: Page,
): Promise<Map<string, { columns: string[]; rows: string[][] }>> {
  const out = new Map<string, { columns: string[]; rows: string[][] }>();
  for (const table of await page.locator('.insight table').all()) {
    const caption = (await table.locator('caption').textContent()) ?? '';
    const columns = (await table.locator('thead th').allTextContents()).slice(1);
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) {
      rows.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    out.set(caption, { columns, rows });
  }
  return out;
}

const FUNNEL = 'Regelingen: voorgesteld, aangevraagd (waarvan samen aan tafel), toegekend';

/**
 * The funnel's row for one regeling: [suggested, applied, granted] this month (the column "samen
 * aan tafel", between applied and granted, is left out: these steps never mark it).
 */
async function funnelRow(page: Page, regeling: string): Promise<string[]> {
  const rows = (await tablesOnScreen(page)).get(FUNNEL)?.rows ?? [];
  const row = rows.find((r) => r[0] === regeling) ?? [];
  return row.length === 0 ? [] : [row[1] ?? '', row[2] ?? '', row[4] ?? ''];
}

/** The take-up panel's choice for one suggested regeling on the check's outcome. */
function takeUpChoice(page: Page, regeling: string) {
  return page
    .getByRole('region', { name: 'Wat is er aangevraagd?' })
    .locator('li', { has: page.locator('.take-up-name', { hasText: new RegExp(`^${regeling}$`) }) })
    .getByRole('combobox')
    .first();
}

describe("the coordinator's figures", () => {
  it('change with the field work done through the screens, hide small counts, export as shown', async () => {
    await env.server.stop();
    const file = join(env.server.dataDir, 'dichtbij.sqlite');
    seedMonth(file);
    // Written past the push: counted as the migration counts existing data, by a rebuild.
    const storage = openSqliteStorage(file);
    await storage.rebuildInsight();
    await storage.close();
    await env.server.start();

    const coordinator = await newDevice(env.browser, env.server.url);
    const c = coordinator.page;
    await openFigures(c);
    // 6 of 12 signals had contact; 5 of those 6 accepted help.
    await expect.poll(() => kpi(c, 'Contact na vroegsignaal')).toBe('50%');
    // Charts drawn by the lazily loaded chart module, each above its table.
    await expect.poll(() => c.locator('.insight-chart canvas').count()).toBeGreaterThan(3);
    // The same wijk for the one team that holds its signals: the same share.
    await c
      .locator('.insight-filters select')
      .nth(1)
      .selectOption({ label: 'Sociaal wijkteam Dordt West' });
    await expect.poll(() => kpi(c, 'Contact na vroegsignaal')).toBe('50%');
    await c.locator('.insight-filters select').nth(1).selectOption('');
    await expect.poll(() => kpi(c, 'Hulp aanvaard na contact')).toBe('83%');
    // 6 suggestions, 4 applied and granted: too few to show.
    await expect.poll(() => funnelRow(c, 'Dordtpas')).toEqual(['6', '< 5', '< 5']);

    // A volunteer does a check in Wielwijk with a resident; its outcome suggests regelingen.
    const volunteer = await newDevice(env.browser, env.server.url);
    const v = volunteer.page;
    await dismissOfflineToast(v, 5_000);
    await signInAsVolunteer(v, env.server.url, '/check');
    const checkPath = await fillParentCheck(v, 'Wielwijk');
    await openOutcome(v, checkPath);
    await v.getByRole('button', { name: 'Check afronden' }).click();
    const panel = v.getByRole('region', { name: 'Wat is er aangevraagd?' });
    await panel.waitFor();
    const suggested = (await panel.locator('.take-up-name').allTextContents()).map((t) => t.trim());
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    expect(suggested).toContain('Dordtpas');
    // The resident applies for the Dordtpas with the volunteer.
    await takeUpChoice(v, 'Dordtpas').selectOption({ label: 'Aangevraagd' });
    await expect.poll(() => panel.getByLabel('Datum').count()).toBe(1);
    await syncNow(v);

    await refreshFigures(c);
    // The fifth application: the number shows; the grants stay "< 5".
    await expect.poll(() => funnelRow(c, 'Dordtpas')).toEqual(['7', '5', '< 5']);
    // The check's other suggestions count once each: "< 5".
    const other = suggested.find((name) => name !== 'Dordtpas') ?? '';
    expect((await funnelRow(c, other))[0]).toBe('< 5');

    // Weeks later the Dordtpas is granted; the volunteer records it on the same check.
    await v.goto(`${env.server.url}${checkPath}/uitkomst`);
    await unlockWithPin(v);
    await takeUpChoice(v, 'Dordtpas').selectOption({ label: 'Toegekend' });
    await expect
      .poll(() => takeUpChoice(v, 'Dordtpas').evaluate((el) => (el as HTMLSelectElement).value))
      .toBe('toegekend');
    await syncNow(v);

    await refreshFigures(c);
    await expect.poll(() => funnelRow(c, 'Dordtpas')).toEqual(['7', '5', '5']);

    // The toekomstmakelaars' residents: six with a plan, no step started yet (0–4 shows "< 5").
    const toekomst = c.getByRole('table', {
      name: 'Toekomstmakelaars: trajecten begonnen in de maand',
    });
    await expect
      .poll(() => toekomst.getByRole('row', { name: /Met een toekomstplan/ }).textContent())
      .toMatch(/Met een toekomstplan6/);
    await expect
      .poll(() => toekomst.getByRole('row', { name: /Met een gestarte stap/ }).textContent())
      .toMatch(/Met een gestarte stap< 5/);

    // The wijkteam reaches one more resident, who accepts help.
    const wijkteam = await newDevice(env.browser, env.server.url);
    const w = wijkteam.page;
    await signInAs(w, env.server.url, DEMO_WIJKTEAM, '/signalen');
    await syncNow(w);
    await w.goto(`${env.server.url}/signalen/E2E-INSIGHT-SIGNAL-11`);
    await unlockWithPin(w);
    await w.getByRole('button', { name: 'Oppakken' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Contact gelegd' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Hulp aanvaard' }).click();
    await expect
      .poll(() => w.getByRole('region', { name: 'Hulp na contact' }).textContent())
      .toContain('De bewoner neemt de hulp aan.');
    await syncNow(w);

    await refreshFigures(c);
    await expect.poll(() => kpi(c, 'Contact na vroegsignaal')).toBe('58%');
    await expect.poll(() => kpi(c, 'Hulp aanvaard na contact')).toBe('86%');

    // The CSV holds exactly what the tables show: every row of every table, nothing else.
    const [download] = await Promise.all([
      c.waitForEvent('download'),
      c.getByRole('button', { name: 'Download als CSV' }).click(),
    ]);
    // A byte-order mark first, so spreadsheets read the file as UTF-8.
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('Cijfer;Wijk;Onderdeel;Kolom;Aantal');
    // The CSV names the months the screen calls "this month" and "previous month".
    const month = today.toISOString().slice(0, 7);
    const before = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const monthOf: Record<string, string> = {
      'Deze maand': month,
      'Vorige maand': before.toISOString().slice(0, 7),
    };
    // The toekomst follow-ups name the month their plans began; the CSV gives it as YYYY-MM.
    for (const back of [3, 4, 12, 13]) {
      const m = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
      const name = new Intl.DateTimeFormat('nl', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(m);
      monthOf[`Plan begonnen in ${name}`] = m.toISOString().slice(0, 7);
    }
    const fromScreen: string[] = [];
    for (const [caption, { columns, rows }] of await tablesOnScreen(c)) {
      for (const [item, ...cells] of rows) {
        columns.forEach((col, k) =>
          fromScreen.push([caption, 'Wielwijk', item, monthOf[col] ?? col, cells[k]].join(';')),
        );
      }
    }
    expect(csv.slice(1)).toEqual(fromScreen);
    expect(csv).toContain(`${FUNNEL};Wielwijk;Dordtpas;Toegekend;5`);
    // Nobody marked an application as made together at the table here.
    expect(csv).toContain(`${FUNNEL};Wielwijk;Dordtpas;Samen aan tafel;< 5`);
    expect(csv).toContain(
      `Toekomstmakelaars: trajecten begonnen in de maand;Wielwijk;Met een toekomstplan;${month};6`,
    );
    expect(csv).toContain(
      `Contact en hulp na vroegsignaal;Wielwijk;Signalen met contact;${month};7`,
    );

    // The creditors' signals in Crabbehof: per creditor type, with contact and help accepted.
    await c.locator('.insight-filters select').first().selectOption('crabbehof');
    const vroeg = 'Vroegsignalen van schuldeisers (deze maand)';
    await expect
      .poll(async () => (await tablesOnScreen(c)).get(vroeg)?.rows)
      .toEqual([
        ['Huur', '8', '6', '75%', '5', '83%'],
        ['Energie', '5', '5', '100%', '5', '100%'],
        ['Water', '5', '5', '100%', '5', '100%'],
        ['Zorgverzekering', '5', '5', '100%', '5', '100%'],
        ['Alle schuldeisers', '23', '21', '91%', '20', '95%'],
      ]);
    await expect.poll(() => kpi(c, 'Vroegsignalen van schuldeisers: % contact')).toBe('91%');
    await expect.poll(() => kpi(c, 'Vroegsignalen van schuldeisers: % hulp aanvaard')).toBe('95%');
    const [vroegDownload] = await Promise.all([
      c.waitForEvent('download'),
      c.getByRole('button', { name: 'Download als CSV' }).click(),
    ]);
    const vroegCsv = readFileSync(await vroegDownload.path(), 'utf8');
    expect(vroegCsv).toContain(`${vroeg};Crabbehof;Huur;% contact;75%`);
    expect(vroegCsv).toContain(`${vroeg};Crabbehof;Alle schuldeisers;Hulp aanvaard;20`);
    await coordinator.context.close();
    await volunteer.context.close();
    await wijkteam.context.close();
  }, 300_000);
});
