import { describe, expect, it } from 'vitest';
import { openOutcome, question, waitSaved } from './check-steps';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';
import { dismissOfflineToast, goInApp, signInAsVolunteer } from './session';

/**
 * Issue 16, items 3 and 4 in Chromium: from the start page a volunteer picks the life event
 * "18 worden", starts the check with its questions (the resident's age already given), reaches
 * the outcome, opens the checklist for a suggested regeling, prints it in Arabic (right to left)
 * and marks the application as made together at the table. Synthetic resident only.
 */

const env = setUpE2eEnvironment();

describe('life events and help with applying', () => {
  it('18 worden → the check with its questions → checklist in Arabic → applied together', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await dismissOfflineToast(page, 5_000);
    await signInAsVolunteer(page, env.server.url, '/check');

    // The start page asks "Is er iets veranderd?"; the life event says what changes at 18.
    await goInApp(page, '/');
    await page.getByRole('link', { name: /^Is er iets veranderd\?/ }).click();
    await page.waitForURL(/\/gebeurtenissen$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Is er iets veranderd in uw leven?');
    await page.getByRole('link', { name: '18 worden', exact: true }).click();
    await page.waitForURL(/\/gebeurtenissen\/18-worden$/);
    const changes = page.locator('.life-event-change');
    await expect.poll(() => changes.count()).toBeGreaterThanOrEqual(4);
    const insurance = changes.filter({ hasText: 'Sluit zelf een zorgverzekering af.' });
    expect(await insurance.textContent()).toContain('Binnen 4 maanden nadat u 18 bent geworden.');
    // A change without a deadline in the sources says so.
    expect(await page.locator('main').textContent()).toContain('De bronnen noemen geen termijn.');

    // Into the check with the event's questions: consent first, then its first topic.
    await page.getByRole('link', { name: 'Begin de check met deze vragen' }).click();
    await page.waitForURL(/\/check\/nieuw\?gebeurtenis=18-worden$/);
    expect(await page.getByTestId('check-from-life-event').textContent()).toContain('18 worden');
    await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
    await page.getByRole('button', { name: 'Start de check' }).click();
    await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
    const checkPath = new URL(page.url()).pathname.replace(/\/inkomen$/, '');
    expect(await page.getByTestId('check-life-event').textContent()).toContain(
      'Welk inkomen heeft u zelf?',
    );
    // The event's answer is there: the resident is 18.
    expect(await page.getByLabel('Leeftijd van Uzelf').inputValue()).toBe('18');
    await question(page, 'In welke gemeente woont u?')
      .getByLabel('Dordrecht', { exact: true })
      .check();
    const income = question(page, 'Welk inkomen heeft u zelf?');
    await income.getByLabel('Inkomen toevoegen').selectOption('bijstand');
    await income.getByLabel('Bijstand: netto per maand').fill('340,00');
    await question(page, 'Hoeveel spaargeld heeft het huishouden samen?')
      .getByRole('textbox')
      .fill('0');
    await waitSaved(page);

    // The outcome: help with applying for each suggested regeling, from the catalogue.
    await openOutcome(page, checkPath);
    const help = page.getByRole('region', { name: 'Hulp bij aanvragen' });
    const card = help.locator('[data-regeling="zorgtoeslag"]');
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('DigiD');
    expect(cardText).toContain('Mijn toeslagen');
    // Toeslagen have no counter with an address in the catalogue: said, not invented.
    expect(cardText).toContain('De catalogus noemt geen loket met een adres voor deze regeling.');

    // The checklist for the resident, in Arabic, right to left, printable.
    await card.getByRole('link', { name: 'Checklist printen' }).click();
    await page.waitForURL(/\/checklist\?regeling=zorgtoeslag/);
    const checklist = page.getByTestId('application-checklist');
    await expect.poll(() => checklist.getAttribute('lang')).toBe('nl');
    await page.getByLabel('Taal van de checklist').selectOption('ar');
    await expect.poll(() => checklist.getAttribute('lang')).toBe('ar');
    expect(await checklist.getAttribute('dir')).toBe('rtl');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.summary-tools').isVisible()).toBe(false);
    const printed = (await checklist.innerText()).trim();
    expect(printed).toContain('قائمة التحقق: كيف تقدّم الطلب');
    expect(printed).toContain('قم أولاً بحساب تجريبي على موقع مصلحة الضرائب');
    // No Dutch sentence on the Arabic paper (the regeling's name is a proper name).
    expect(printed).not.toMatch(/\b(de|het|een|u|van)\b/);
    expect(
      await checklist.evaluate((el) => getComputedStyle(el.querySelector('h1')!).direction),
    ).toBe('rtl');
    await page.emulateMedia({ media: 'screen' });
    expect(new URL(page.url()).searchParams.get('regeling')).toBe('zorgtoeslag');

    // Back at the outcome: the application made together at the table is recorded.
    await page.getByRole('button', { name: /Terug naar de uitkomst/ }).click();
    await page.waitForURL(new RegExp(`${checkPath}/uitkomst$`));
    const again = page
      .getByRole('region', { name: 'Hulp bij aanvragen' })
      .locator('[data-regeling="zorgtoeslag"]');
    await again.getByRole('button', { name: 'Samen aangevraagd aan tafel' }).click();
    await expect
      .poll(() => again.getByRole('status').textContent())
      .toMatch(/^Samen aangevraagd aan tafel op /);
    // It is take-up "aangevraagd": completing the check shows it in the take-up panel.
    await page.getByRole('button', { name: 'Check afronden' }).click();
    const takeUp = page
      .getByRole('region', { name: 'Wat is er aangevraagd?' })
      .locator('li', { has: page.locator('.take-up-name', { hasText: /^Zorgtoeslag$/ }) })
      .getByRole('combobox')
      .first();
    await expect.poll(() => takeUp.inputValue()).toBe('aangevraagd');
    await context.close();
  }, 180_000);
});
