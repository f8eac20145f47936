import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './harness';
import { appServer, launchBrowser } from './harness';
import type { Browser } from 'playwright-core';
import { DEMO_WIJKTEAM, newDevice, signInAs, syncNow } from './session';

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
 * it is stopped (synthetic, no real person): 12 signals in Wielwijk for the wijkteam, 6 with
 * contact of which 5 accepted help, and 8 completed checks suggesting Dordtpas (3 applied, 2
 * granted) — enough for some numbers to show and others to stay "< 5".
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
  for (let i = 0; i < 8; i++) {
    const takeUp =
      i < 3 ? { dordtpas: { status: i < 2 ? 'toegekend' : 'aangevraagd', recordedAt: now } } : {};
    insertRecord.run(
      'check',
      `E2E-INSIGHT-CHECK-${i}`,
      'demo-vrijwilliger',
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
  await page.getByLabel('Wijk').selectOption('wielwijk');
}

const kpi = (page: Page, label: string) =>
  page.locator('.insight-kpi', { hasText: label }).locator('.insight-kpi-value').textContent();

describe("the coordinator's figures", () => {
  it('show contact and help accepted per wijk, change with the field work, hide small counts, export as shown', async () => {
    await env.server.stop();
    seedMonth(join(env.server.dataDir, 'dichtbij.sqlite'));
    await env.server.start();

    const coordinator = await newDevice(env.browser, env.server.url);
    const c = coordinator.page;
    await openFigures(c);
    // 6 of 12 signals had contact; 5 of those 6 accepted help.
    await expect.poll(() => kpi(c, 'Contact na vroegsignaal')).toBe('50%');
    await expect.poll(() => kpi(c, 'Hulp aanvaard na contact')).toBe('83%');
    const funnel = c.getByRole('table', {
      name: 'Regelingen: voorgesteld, aangevraagd, toegekend',
    });
    const dordtpas = funnel.getByRole('row', { name: /Dordtpas/ });
    await expect.poll(() => dordtpas.textContent()).toMatch(/Dordtpas8< 5< 5/);

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
    await w.locator('.pin-keys').first().waitFor();
    for (const digit of '246810') {
      await w.locator('.pin-keys').getByRole('button', { name: digit, exact: true }).click();
    }
    await w.getByRole('button', { name: /^(Openen|lock\.unlock)$/ }).click();
    await w.getByRole('button', { name: 'Oppakken' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Contact gelegd' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Hulp aanvaard' }).click();
    await expect
      .poll(() => w.getByRole('region', { name: 'Hulp na contact' }).textContent())
      .toContain('De bewoner neemt de hulp aan.');
    await syncNow(w);

    await c.reload();
    await c.getByLabel('Wijk').selectOption('wielwijk');
    await expect.poll(() => kpi(c, 'Contact na vroegsignaal')).toBe('58%');
    await expect.poll(() => kpi(c, 'Hulp aanvaard na contact')).toBe('86%');

    // The CSV holds exactly what the table shows.
    const [download] = await Promise.all([
      c.waitForEvent('download'),
      c.getByRole('button', { name: 'Download als CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv).toContain('Voorgesteld;Wielwijk;Dordtpas;8;');
    expect(csv).toContain('Toegekend;Wielwijk;Dordtpas;< 5;');
    expect(csv).toContain(
      'Toekomstmakelaars: trajecten begonnen in de maand;Wielwijk;Met een toekomstplan;6;',
    );
    await coordinator.context.close();
    await wijkteam.context.close();
  });
});
