import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Steps through the bestaanszekerheidscheck shared by the e2e tests (synthetic residents only). */

/** A question of the check, by its text: each is a group named by its question. */
export function question(page: Page, label: string): Locator {
  return page.getByRole('group', { name: label, exact: true });
}

/** Every answer is written as it is given; wait until the screen says so. */
export async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('check-save-status').textContent())
    .toBe('Bewaard op dit apparaat.');
}

/**
 * From the check list: a new check (with consent) for a single parent on bijstand with two
 * children (synthetic), which suggests a dozen regelingen. `wijk` is the wijk's name as the start
 * page lists it. Returns the check's path (`/check/<id>`).
 */
export async function fillParentCheck(page: Page, wijk?: string): Promise<string> {
  await page.getByRole('link', { name: 'Nieuwe check starten' }).click();
  if (wijk)
    await page.getByLabel('Wijk van de inwoner (mag leeg blijven)').selectOption({ label: wijk });
  await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
  await page.getByRole('button', { name: 'Start de check' }).click();
  await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
  const checkPath = new URL(page.url()).pathname.replace(/\/inkomen$/, '');
  await question(page, 'In welke gemeente woont u?')
    .getByLabel('Dordrecht', { exact: true })
    .check();
  await page.getByLabel('Leeftijd van Uzelf').fill('32');
  await page.getByRole('button', { name: '+ Kind' }).click();
  await page.getByLabel('Leeftijd van Kind 1').fill('7');
  await page.getByRole('button', { name: '+ Kind' }).click();
  await page.getByLabel('Leeftijd van Kind 2').fill('13');
  const income = question(page, 'Welk inkomen heeft u zelf?');
  await income.getByLabel('Inkomen toevoegen').selectOption('bijstand');
  await income.getByLabel('Bijstand: netto per maand').fill('1.450,00');
  await question(page, 'Hoeveel spaargeld heeft het huishouden samen?')
    .getByRole('textbox')
    .fill('250');
  await waitSaved(page);
  return checkPath;
}

/** To the check's outcome by the topic menu: a reload would lock the device. */
export async function openOutcome(page: Page, checkPath: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Onderwerpen van de check' })
    .getByRole('link', { name: 'Uitkomst' })
    .click();
  await page.waitForURL(new RegExp(`${checkPath}/uitkomst$`));
}
