import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shippedRulesVersion } from '../../src/domain/eligibility/shipped-rules';
import { firstOfThisMonth, withBijstandsnormen } from '../fixtures/rules-versions';
import { question } from './check-steps';
import { setUpE2eEnvironment } from './harness';
import { dismissOfflineToast, newDevice, signInAsVolunteer } from './session';

const env = setUpE2eEnvironment();

/** 2026-11-01 → "1-11-2026", as the beheerder's diff writes a norm's date. */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

/** 2026-11-01 → "1 november 2026", as the reasons write a norm's date (Intl, in Dutch). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T12:00:00`));
}

/**
 * A single resident of 40 earning € 2.050 net a month from work, no savings (synthetic). Above
 * 140% of any bijstandsnorm in the shipped data (at most € 1.450 × 1,4 = € 2.030), within 140%
 * of the raised norm the beheerder publishes below (€ 1.500 × 1,4 = € 2.100).
 */
async function startSingleResidentCheck(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Nieuwe check starten' }).click();
  await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
  await page.getByRole('button', { name: 'Start de check' }).click();
  await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
  await question(page, 'In welke gemeente woont u?')
    .getByLabel('Dordrecht', { exact: true })
    .check();
  await page.getByLabel('Leeftijd van Uzelf').fill('40');
  const income = question(page, 'Welk inkomen heeft u zelf?');
  await income.getByLabel('Inkomen toevoegen').selectOption('loon');
  await income.getByLabel('Loon uit werk: netto per maand').fill('2.050');
  // The payslip amount includes vakantiegeld, as the norms do: no conversion.
  await question(page, 'Zit vakantiegeld in de bedragen per maand?')
    .getByLabel('Ja', { exact: true })
    .check();
  await question(page, 'Hoeveel spaargeld heeft het huishouden samen?')
    .getByRole('textbox')
    .fill('0');
  await expect
    .poll(() => page.getByTestId('check-save-status').textContent())
    .toBe('Bewaard op dit apparaat.');
  await page
    .getByRole('navigation', { name: 'Onderwerpen van de check' })
    .getByRole('link', { name: 'Uitkomst' })
    .click();
  await page.waitForURL(/\/uitkomst$/);
}

/** By id: a "geen recht" row sits in a folded group, where role queries do not look. */
function dordtpas(page: Page): Locator {
  return page.locator('article#dordtpas');
}

describe('norms and rules are published data', () => {
  it('a beheerder publishes raised norms; a synced device uses them offline; an old check shows its rules and what changes', async () => {
    const validFrom = firstOfThisMonth();
    const raised = withBijstandsnormen(
      validFrom,
      { 'alleenstaande-21-aow': 1500 },
      shippedRulesVersion.version,
      'e2e-verhoogd',
    );

    // The volunteer's tablet: an outcome with the rules built into the app, completed.
    const tablet = await newDevice(env.browser, env.server.url);
    const t = tablet.page;
    await dismissOfflineToast(t, 5_000);
    await signInAsVolunteer(t, env.server.url, '/check');
    await startSingleResidentCheck(t);
    await dordtpas(t).waitFor({ state: 'attached' });
    expect(await dordtpas(t).locator('.outcome-tag').textContent()).not.toBe(
      'Waarschijnlijk recht',
    );
    expect(await t.getByTestId('rules-basis').textContent()).toContain(
      `${shippedRulesVersion.label} (meegeleverd met de app)`,
    );
    await t.getByRole('button', { name: 'Check afronden' }).click();
    await t.getByText('Deze check is afgerond.').waitFor();

    // The beheerder sees what the current norms lack, chooses the new file, reads the diff, publishes.
    const desk = await newDevice(env.browser, env.server.url);
    const d = desk.page;
    // A deep link: sign in, then straight back to the rules page (no reload in between, which
    // would ask a beheerder without a PIN yet to sign in again).
    await d.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent('/beheer/regels')}`);
    await d.locator('#login-email').fill('beheerder@demo.dichtbij');
    await d.locator('#login-password').fill('demo-beheerder-2026');
    await d.locator('form button[type="submit"]').click();
    await dismissOfflineToast(d);
    await d.waitForURL((url) => url.pathname === '/beheer/regels');
    await d.getByTestId('rules-version').waitFor();
    expect(await d.getByTestId('rules-missing').first().textContent()).toMatch(
      /Bijstandsnormen voor \d{1,2}-\d{1,2}-20\d\d ontbreken\./,
    );
    await d.locator('#rules-file').setInputFiles({
      name: 'normen.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(raised)),
    });
    const diff = d.getByTestId('rules-diff');
    await diff.waitFor();
    const row = diff.getByRole('row', {
      name: /Bijstandsnorm alleenstaande of alleenstaande ouder, 21 jaar tot AOW-leeftijd/,
    });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['€ 1.500,00', shortDate(validFrom)]);
    await d.getByRole('button', { name: 'Publiceren' }).click();
    await expect
      .poll(() => d.getByRole('status').filter({ hasText: 'gepubliceerd' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect
      .poll(() => d.getByTestId('rules-version').textContent(), { timeout: 30_000 })
      .toBe('normen e2e-verhoogd · regels ' + raised.rules.version);

    // The tablet syncs once, then the server is gone for real.
    await t.getByTestId('sync-badge').click();
    await t.waitForURL((url) => url.pathname === '/account');
    await t.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect
      .poll(() => t.getByTestId('sync-badge').textContent(), { timeout: 30_000 })
      .toBe('Alles verstuurd');
    await expect
      .poll(
        () =>
          t.evaluate(
            () =>
              new Promise<unknown>((resolve) => {
                const open = indexedDB.open('dichtbij');
                open.onsuccess = () => {
                  const get = open.result
                    .transaction('meta')
                    .objectStore('meta')
                    .get('rules:current');
                  get.onsuccess = () => {
                    open.result.close();
                    resolve((get.result as { value?: unknown } | undefined)?.value ?? null);
                  };
                };
              }),
          ),
        { timeout: 30_000 },
      )
      .not.toBeNull();
    await env.server.stop();
    await tablet.context.setOffline(true);

    // A new check, offline: the new norm decides, and the reason shows its amount and date.
    await t
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Check' })
      .click();
    await t.waitForURL((url) => url.pathname === '/check');
    await startSingleResidentCheck(t);
    await dordtpas(t).waitFor({ state: 'attached' });
    expect(await dordtpas(t).locator('.outcome-tag').textContent()).toBe('Waarschijnlijk recht');
    await dordtpas(t).locator('summary').first().click();
    const reasons = ((await dordtpas(t).locator('.reasons').first().textContent()) ?? '').replace(
      /\s/g,
      ' ',
    );
    expect(reasons).toContain('€ 2.100 per maand');
    expect(reasons).toContain(longDate(validFrom));
    expect(await t.getByTestId('rules-basis').textContent()).toContain('normen e2e-verhoogd');

    // The old check still shows the rules it was computed with, and what today's rules change.
    await t
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Check' })
      .click();
    await t.waitForURL((url) => url.pathname === '/check');
    await t.getByRole('list', { name: 'Afgerond' }).getByRole('link').first().click();
    await t.waitForURL(/\/uitkomst$/);
    await dordtpas(t).waitFor({ state: 'attached' });
    expect(await t.getByTestId('rules-basis').textContent()).toContain(
      `${shippedRulesVersion.label} (meegeleverd met de app)`,
    );
    expect(await dordtpas(t).locator('.outcome-tag').textContent()).not.toBe(
      'Waarschijnlijk recht',
    );
    await t.getByRole('button', { name: 'Opnieuw berekenen met de regels van vandaag' }).click();
    const change = t.locator('.recompute-table tr[data-regeling="dordtpas"] td');
    await change.first().waitFor();
    // Amounts come through Intl, which puts a no-break space after the euro sign.
    const [then, now] = (await change.allTextContents()).map((x) => x.replace(/\s/g, ' '));
    expect(then).not.toContain('Waarschijnlijk recht');
    expect(then).not.toContain('€ 2.100');
    expect(now).toContain('Waarschijnlijk recht');
    expect(now).toContain('grens € 2.100 per maand');

    await tablet.context.close();
    await desk.context.close();
  }, 300_000);
});
