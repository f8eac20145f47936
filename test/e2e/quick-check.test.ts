import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { question } from './check-steps';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';
import { axeViolations, horizontalOverflow, smallTargets } from './screen-checks';
import { dismissOfflineToast, signInAsVolunteer, syncNow } from './session';

const env = setUpE2eEnvironment();

/** Recognisable synthetic answers: no catalogue, rule or text on the device holds them. */
const SAVINGS = '86420';
const INCOME = '1.357,00';
const LEAKS = /86420|1357|1\.357/;

/** Every value of every object store of every IndexedDB database in the page, as text. */
function scanIndexedDb(page: Page): Promise<{ store: string; text: string }[]> {
  return page.evaluate(async () => {
    const found: { store: string; text: string }[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error('open failed'));
      });
      for (const store of Array.from(idb.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(new Error('read failed'));
        });
        for (const v of values) {
          const text = JSON.stringify(v, (_k, x: unknown) =>
            x instanceof ArrayBuffer || ArrayBuffer.isView(x)
              ? Array.from(new Uint8Array(x as ArrayBuffer)).join(',')
              : x,
          );
          found.push({ store: `${info.name}/${store}`, text });
        }
      }
      idb.close();
    }
    return found;
  });
}

async function answerIncomeTopic(page: Page): Promise<void> {
  await question(page, 'In welke gemeente woont u?')
    .getByLabel('Dordrecht', { exact: true })
    .check();
  await page.getByLabel('Leeftijd van Uzelf').fill('32');
  await page.getByRole('button', { name: '+ Kind' }).click();
  await page.getByLabel('Leeftijd van Kind 1').fill('7');
  const income = question(page, 'Welk inkomen heeft u zelf?');
  await income.getByLabel('Inkomen toevoegen').selectOption('bijstand');
  await income.getByLabel('Bijstand: netto per maand').fill(INCOME);
  const savings = question(page, 'Hoeveel spaargeld heeft het huishouden samen?').getByRole(
    'textbox',
  );
  await savings.fill(SAVINGS);
  await savings.blur();
}

describe('the anonymous quick check at the spreekuur', () => {
  it('runs offline, prints the summary, leaves no answer on the device and is counted once', async () => {
    // CSP bypassed only so axe can be injected for the screens the reach walk cannot open.
    const context = await env.browser.newContext({ serviceWorkers: 'allow', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await dismissOfflineToast(page, 5_000);
    await signInAsVolunteer(page, env.server.url, '/spreekuur');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Het spreekuur van vandaag');

    // The server goes away for real.
    await env.server.stop();
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Snelcheck zonder naam' }).click();
    await page.waitForURL(/\/spreekuur\/snelcheck$/);
    expect(await page.getByTestId('quick-check-notice').textContent()).toContain(
      'er wordt niets bewaard',
    );
    await page.getByLabel('Wijk van de inwoner (mag leeg blijven)').selectOption('crabbehof');
    await page.getByRole('button', { name: 'Begin de snelcheck' }).click();
    await page.waitForURL(/\/spreekuur\/snelcheck\/inkomen$/);
    await answerIncomeTopic(page);
    await page
      .getByRole('navigation', { name: 'Onderwerpen van de check' })
      .getByRole('link', { name: 'Uitkomst' })
      .click();
    await page.waitForURL(/\/spreekuur\/snelcheck\/uitkomst$/);
    // The same explained outcome as a normal check, without the signal buttons.
    await expect.poll(() => page.locator('.outcome-row').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /^Maak signaal: / }).count()).toBe(0);
    await page.getByRole('button', { name: 'Check afronden' }).click();
    // The quick check's own end section (close, convert with consent): axe, targets, overflow.
    await page.getByRole('heading', { name: 'Het gesprek afronden' }).waitFor();
    expect([
      ...(await axeViolations(page)),
      ...(await smallTargets(page)),
      ...(await horizontalOverflow(page)),
    ]).toEqual([]);
    // Applied for together at the table: counted, not stored with the resident.
    const helped = page
      .getByRole('region', { name: 'Hulp bij aanvragen' })
      .locator('[data-regeling]')
      .first();
    const appliedId = await helped.getAttribute('data-regeling');
    expect(appliedId).toBeTruthy();
    await helped.getByRole('button', { name: 'Samen aangevraagd aan tafel' }).click();
    await expect
      .poll(() => helped.getByRole('status').textContent())
      .toMatch(/^Samen aangevraagd aan tafel op /);

    await page.getByRole('link', { name: 'Samenvatting voor de inwoner' }).click();
    await page.waitForURL(/\/spreekuur\/snelcheck\/samenvatting/);
    await page.getByLabel('Taal van de samenvatting').selectOption('en');
    const summary = page.getByTestId('resident-summary');
    await expect.poll(() => summary.getAttribute('lang')).toBe('en');
    expect([...(await axeViolations(page)), ...(await smallTargets(page))]).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('quick-check-notice').isVisible()).toBe(false);
    const printed = await summary.innerText();
    expect(printed).toMatch(/Dordtpas/);
    expect(printed).not.toMatch(LEAKS);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Sluiten en antwoorden wissen' }).click();
    await page.waitForURL((url) => url.pathname === '/spreekuur');
    await expect
      .poll(() => page.getByTestId('spreekuur-residents').textContent())
      .toBe('1 inwoner vandaag met een snelcheck');
    expect(await page.getByTestId('spreekuur-unsent').isVisible()).toBe(true);

    // A second conversation, left without closing: erased, and not counted.
    await page.getByRole('link', { name: 'Snelcheck zonder naam' }).click();
    await page.getByRole('button', { name: 'Begin de snelcheck' }).click();
    await page.waitForURL(/\/spreekuur\/snelcheck\/inkomen$/);
    await answerIncomeTopic(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Regelingen' })
      .click();
    await page.waitForURL((url) => url.pathname === '/regelingen');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Regelingen en hulp');
    expect(await page.getByTestId('quick-check-notice').count()).toBe(0);
    await page.goBack();
    await page.waitForURL(/\/spreekuur\/snelcheck\/inkomen$/);
    // Back on the quick check: a new conversation, the earlier answers are gone.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Snelcheck zonder naam');
    expect(await page.getByRole('button', { name: 'Begin de snelcheck' }).isVisible()).toBe(true);

    // The raw device: no answer in any database or store; one tally with only its keys.
    const scanned = await scanIndexedDb(page);
    expect(scanned.length).toBeGreaterThan(0);
    expect(scanned.filter((s) => LEAKS.test(s.text)).map((s) => s.store)).toEqual([]);
    const tallies = scanned.filter((s) => s.store.endsWith('/tallies'));
    expect(tallies).toHaveLength(1);
    const row = JSON.parse(tallies[0]?.text ?? '{}') as { tally: Record<string, unknown> };
    expect(Object.keys(row.tally).sort()).toEqual(
      [
        'applied',
        'day',
        'id',
        'questions',
        'suggested',
        'summaryLanguage',
        'topics',
        'wijk',
      ].sort(),
    );
    expect(row.tally).toMatchObject({ wijk: 'crabbehof', summaryLanguage: 'en' });
    expect(row.tally.applied).toEqual([appliedId]);
    expect(scanned.filter((s) => /\/(checks|outbox|drafts)$/.test(s.store))).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    // The server returns; the tally arrives with the sync, once.
    await env.server.start();
    await context.setOffline(false);
    await syncNow(page);
    const server = new Database(join(env.server.dataDir, 'dichtbij.sqlite'), { readonly: true });
    try {
      await expect
        .poll(
          () =>
            (
              server.prepare('SELECT count(*) AS n FROM quick_check_tallies').get() as {
                n: number;
              }
            ).n,
          { timeout: 15_000 },
        )
        .toBe(1);
      const counted = server
        .prepare(
          "SELECT sum(n) AS n FROM insight_rollup WHERE metric = 'role' AND key = 'snelcheck'",
        )
        .get() as { n: number };
      expect(counted.n).toBe(1);
      const body = server.prepare('SELECT body FROM quick_check_tallies').get() as {
        body: string;
      };
      expect(body.body).not.toMatch(LEAKS);
    } finally {
      server.close();
    }
    await context.close();
  });
});
