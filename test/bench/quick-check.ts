import type { Page } from 'playwright-core';
import { appServer, launchBrowser } from '../e2e/harness';
import { signInAsVolunteer } from '../e2e/session';
import { summarise } from './stats';

/**
 * Issue 16: the anonymous quick check in real Chromium on the built app, next to the normal
 * (recorded, encrypted) check in the same run: the time from the last answer to the resident's
 * summary on screen, through the same taps (outcome, then summary). The normal check's figure
 * includes writing the answer and reading the record back; the quick check's holds no storage.
 */
const ROUNDS = 5;

/** The income topic of a synthetic single parent; returns when the last answer is given. */
async function answer(page: Page): Promise<void> {
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  await group('In welke gemeente woont u?').getByLabel('Dordrecht', { exact: true }).check();
  await page.getByLabel('Leeftijd van Uzelf').fill('32');
  await page.getByRole('button', { name: '+ Kind' }).click();
  await page.getByLabel('Leeftijd van Kind 1').fill('7');
  const income = group('Welk inkomen heeft u zelf?');
  await income.getByLabel('Inkomen toevoegen').selectOption('bijstand');
  await income.getByLabel('Bijstand: netto per maand').fill('1.450,00');
  await group('Hoeveel spaargeld heeft het huishouden samen?').getByRole('textbox').fill('250');
}

/** From the last answer: outcome, summary, until the summary is on screen (ms). */
async function toSummary(page: Page): Promise<number> {
  const started = performance.now();
  await page
    .getByRole('navigation', { name: 'Onderwerpen van de check' })
    .getByRole('link', { name: 'Uitkomst' })
    .click();
  await page.getByRole('link', { name: 'Samenvatting voor de inwoner' }).click();
  await page.getByTestId('resident-summary').waitFor();
  return performance.now() - started;
}

async function normalCheck(page: Page): Promise<number> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Check' })
    .click();
  await page.getByRole('link', { name: 'Nieuwe check starten' }).click();
  await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
  await page.getByRole('button', { name: 'Start de check' }).click();
  await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
  await answer(page);
  return toSummary(page);
}

async function quickCheck(page: Page): Promise<number> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Check' })
    .click();
  await page.getByRole('link', { name: 'Snelcheck zonder naam' }).click();
  await page.getByRole('button', { name: 'Begin de snelcheck' }).click();
  await page.waitForURL(/\/spreekuur\/snelcheck\/inkomen$/);
  await answer(page);
  const ms = await toSummary(page);
  await page.getByRole('button', { name: 'Sluiten en antwoorden wissen' }).click();
  await page.waitForURL((u) => u.pathname === '/spreekuur');
  return ms;
}

export async function run(): Promise<Record<string, number>> {
  const server = await appServer();
  await server.start();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await signInAsVolunteer(page, server.url, '/spreekuur');
    // One of each first, not counted: route chunks and texts load once.
    await normalCheck(page);
    await quickCheck(page);
    const normal: number[] = [];
    const quick: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      normal.push(await normalCheck(page));
      quick.push(await quickCheck(page));
    }
    const n = summarise(normal);
    const q = summarise(quick);
    return {
      rounds: ROUNDS,
      normalCheckLastAnswerToSummaryMedianMs: Math.round(n.median),
      normalCheckLastAnswerToSummaryMaxMs: Math.round(n.max),
      quickCheckLastAnswerToSummaryMedianMs: Math.round(q.median),
      quickCheckLastAnswerToSummaryMaxMs: Math.round(q.max),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
