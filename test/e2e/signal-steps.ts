import type { Page } from 'playwright-core';
import { goInApp } from './session';

/** Records a quick rent-arrears signal for a synthetic resident; returns the new signal's id. */
export async function logRentArrearsSignal(page: Page, residentName: string): Promise<string> {
  await goInApp(page, '/signalen/nieuw');
  await page.getByRole('button', { name: 'Achterstand huur' }).click();
  await page.getByLabel('Wijk').selectOption('wielwijk');
  await page.getByLabel('Snel').check();
  await page.getByLabel('Ja, de bewoner vindt het goed').check();
  await page.getByLabel('Naam of schuilnaam').fill(residentName);
  await page.getByLabel('Via de plek waar ik de bewoner zag').check();
  await page.getByLabel('Gegevens voor contact').fill('Geldpraatje-plek Wielwijk (fictief)');
  await page.getByRole('button', { name: 'Signaal opslaan' }).click();
  await page.waitForURL(/\/signalen\/[0-9A-Z]+$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}
