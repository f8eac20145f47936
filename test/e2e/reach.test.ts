import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { setUpE2eEnvironment } from './harness';
import {
  dismissOfflineToast,
  goInApp as goInAppOnly,
  signInAsVolunteer,
  type Login,
} from './session';
import { logRentArrearsSignal } from './signal-steps';
import { axeViolations, horizontalOverflow, smallTargets, visibleTexts } from './screen-checks';
import { dutchDetector, normalise, type DutchDetector } from '../helpers/dutch-detector';
import { LIFE_EVENT_IDS } from '../../src/domain/life-events/schema';

/**
 * The walk a new resident and worker take on a touch tablet, in every language and both
 * orientations: each screen must be in the chosen language (no Dutch sentence apart from proper
 * names), never scroll sideways, throw nothing, pass axe-core's WCAG 2.2 AA rules and offer touch
 * targets of at least 44×44 px. One browser and one signed-in session for the whole walk.
 */

const env = setUpE2eEnvironment();

const DEMO_BEHEERDER: Login = {
  email: 'beheerder@demo.dichtbij',
  password: 'demo-beheerder-2026',
};

const VIEWPORTS = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1024, height: 768 },
] as const;

const LANGUAGES = ['nl', 'en', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];

const TOPICS = (
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'src', 'domain', 'check', 'data', 'questions.json'),
      'utf8',
    ),
  ) as { topics: { id: string }[] }
).topics.map((t) => t.id);

interface Walker {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

const volunteer = {} as Walker;
const beheerder = {} as Walker;
let checkId = '';
let lifeEventCheckId = '';
let signalId = '';

async function openWalker(walker: Walker): Promise<void> {
  // axe is injected as a script; the app's own strict CSP would rightly refuse it.
  walker.context = await env.browser.newContext({ bypassCSP: true });
  walker.page = await walker.context.newPage();
  walker.errors = [];
  walker.page.on('pageerror', (error) => walker.errors.push(`uncaught: ${error.message}`));
}

/** Moves inside the running app (see session.ts) and waits until the screen is drawn. */
async function goInApp(page: Page, path: string): Promise<void> {
  await goInAppOnly(page, path);
  await settle(page);
}

/** The screen is drawn: a main heading, no loading notice, and the text stopped changing. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  let previous = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('main').innerText();
    if (now === previous && !/^…$|\n…\n/.test(now)) return;
    previous = now;
    await page.waitForTimeout(120);
  }
}

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.locator('.language-switch select').selectOption(language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  await settle(page);
}

/** Everything wrong with the screen now shown; empty when it passes. */
async function screenProblems(page: Page, detector: DutchDetector | undefined): Promise<string[]> {
  const problems: string[] = [];
  if (detector) {
    const seen = new Set<string>();
    for (const raw of await visibleTexts(page)) {
      const text = normalise(raw);
      if (seen.has(text)) continue;
      seen.add(text);
      const why = detector.why(text);
      if (why) problems.push(`Dutch (${why}): "${text.slice(0, 120)}"`);
    }
  }
  problems.push(...(await horizontalOverflow(page)));
  problems.push(...(await smallTargets(page)));
  problems.push(...(await axeViolations(page)));
  return problems;
}

/** A check with answers enough for an outcome with several regelingen (synthetic household). */
async function startCheck(page: Page): Promise<string> {
  await goInApp(page, '/check/nieuw');
  await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
  await page.getByRole('button', { name: 'Start de check' }).click();
  await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
  const id = new URL(page.url()).pathname.split('/')[2]!;
  const question = (label: string) => page.getByRole('group', { name: label, exact: true });
  await question('In welke gemeente woont u?').getByLabel('Dordrecht', { exact: true }).check();
  await page.getByLabel('Leeftijd van Uzelf').fill('32');
  await page.getByRole('button', { name: '+ Kind' }).click();
  await page.getByLabel('Leeftijd van Kind 1').fill('7');
  const income = question('Welk inkomen heeft u zelf?');
  await income.getByLabel('Inkomen toevoegen').selectOption('bijstand');
  await income.getByLabel('Bijstand: netto per maand').fill('1.450,00');
  await question('Hoe gaat het rondkomen met het geld dat u heeft?')
    .getByLabel('Het is moeilijk')
    .check();
  await page
    .getByTestId('check-save-status')
    .filter({ hasText: 'Bewaard op dit apparaat.' })
    .waitFor();
  return id;
}

/** A check begun from the life event "18 worden": it opens on its first topic with a notice. */
async function startLifeEventCheck(page: Page): Promise<string> {
  await goInApp(page, '/check/nieuw?gebeurtenis=18-worden');
  await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
  await page.getByRole('button', { name: 'Start de check' }).click();
  await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

function screens(language: Language): { walker: Walker; name: string; path: string }[] {
  const v = volunteer;
  return [
    { walker: v, name: 'start', path: '/' },
    { walker: v, name: 'regelingen', path: '/regelingen' },
    { walker: v, name: 'regeling', path: '/regelingen/dordtpas' },
    { walker: v, name: 'wijk', path: '/wijken/wielwijk' },
    { walker: v, name: 'checks', path: '/check' },
    { walker: v, name: 'check start', path: '/check/nieuw' },
    ...TOPICS.map((topic) => ({
      walker: v,
      name: `check ${topic}`,
      path: `/check/${checkId}/${topic}`,
    })),
    { walker: v, name: 'outcome', path: `/check/${checkId}/uitkomst` },
    { walker: v, name: 'summary', path: `/check/${checkId}/samenvatting?taal=${language}` },
    { walker: v, name: 'spreekuur', path: '/spreekuur' },
    { walker: v, name: 'quick check start', path: '/spreekuur/snelcheck' },
    { walker: v, name: 'life events', path: '/gebeurtenissen' },
    ...LIFE_EVENT_IDS.map((id) => ({
      walker: v,
      name: `life event ${id}`,
      path: `/gebeurtenissen/${id}`,
    })),
    { walker: v, name: 'check start from event', path: '/check/nieuw?gebeurtenis=18-worden' },
    { walker: v, name: 'check from event', path: `/check/${lifeEventCheckId}/inkomen` },
    {
      walker: v,
      name: 'checklist',
      path: `/checklist?regeling=bijzondere-bijstand&regeling=zorgtoeslag&regeling=kansrijke-start&taal=${language}`,
    },
    { walker: v, name: 'signal form', path: '/signalen/nieuw' },
    { walker: v, name: 'signal', path: `/signalen/${signalId}` },
    // A shared tablet (issue 16): the worker list and the sign-in of another worker.
    { walker: v, name: 'switch worker', path: '/medewerkers' },
    { walker: v, name: 'other worker sign-in', path: '/inloggen?ander=1' },
    { walker: beheerder, name: 'beheer users', path: '/beheer/gebruikers' },
    { walker: beheerder, name: 'beheer user', path: '/beheer/gebruikers/demo-vrijwilliger' },
    { walker: beheerder, name: 'beheer audit', path: '/beheer/audit' },
    { walker: beheerder, name: 'beheer catalogue', path: '/beheer/catalogus' },
    { walker: beheerder, name: 'beheer rules', path: '/beheer/regels' },
  ];
}

describe('reach: every screen in nl, en and ar on a tablet, both ways up', () => {
  beforeAll(async () => {
    await openWalker(volunteer);
    await signInAsVolunteer(volunteer.page, env.server.url, '/check');
    await dismissOfflineToast(volunteer.page, 2_000);
    checkId = await startCheck(volunteer.page);
    lifeEventCheckId = await startLifeEventCheck(volunteer.page);
    signalId = await logRentArrearsSignal(volunteer.page, 'Mevrouw R (fictief)');

    await openWalker(beheerder);
    await beheerder.page.goto(`${env.server.url}/inloggen`);
    await beheerder.page.locator('#login-email').fill(DEMO_BEHEERDER.email);
    await beheerder.page.locator('#login-password').fill(DEMO_BEHEERDER.password);
    await beheerder.page.locator('form button[type="submit"]').click();
    await beheerder.page.waitForURL((url) => url.pathname !== '/inloggen');
    await dismissOfflineToast(beheerder.page, 2_000);
  }, 180_000);

  it('the Dutch detector finds the Dutch start screen (so the walk can fail)', async () => {
    const page = volunteer.page;
    await page.setViewportSize({ width: 768, height: 1024 });
    await goInApp(page, '/');
    await chooseLanguage(page, 'nl');
    const detector = dutchDetector('en');
    const hits = (await visibleTexts(page)).filter((t) => detector.why(t));
    expect(hits.length).toBeGreaterThan(5);
  });

  for (const viewport of VIEWPORTS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${viewport.name} ${viewport.width}×${viewport.height}`, async () => {
        const detector = language === 'nl' ? undefined : dutchDetector(language);
        const problems: string[] = [];
        for (const walker of [volunteer, beheerder]) {
          await walker.page.setViewportSize(viewport);
          await goInApp(walker.page, '/');
          await chooseLanguage(walker.page, language);
          walker.errors.length = 0;
        }
        for (const screen of screens(language)) {
          const page = screen.walker.page;
          await goInApp(page, screen.path);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          for (const problem of await screenProblems(page, detector))
            problems.push(`${screen.name}: ${problem}`);
          for (const error of screen.walker.errors.splice(0))
            problems.push(`${screen.name}: ${error}`);
        }
        expect(problems).toEqual([]);
      }, 300_000);
    }
  }

  for (const language of ['en', 'ar'] as const) {
    it(`the outcome's folded-open reasons read in ${language}: every row opened, no Dutch`, async () => {
      const page = volunteer.page;
      await page.setViewportSize({ width: 1024, height: 768 });
      await goInApp(page, '/');
      await chooseLanguage(page, language);
      volunteer.errors.length = 0;
      await goInApp(page, `/check/${checkId}/uitkomst`);
      // Open every fold (rows, the no-right list, "not everything is confirmed", outdated norms).
      const opened = await page.evaluate(() => {
        const folds = [...document.querySelectorAll('main details')];
        for (const d of folds) d.setAttribute('open', '');
        return folds.length;
      });
      expect(opened).toBeGreaterThan(3);
      await settle(page);
      const reasons = page.locator('.reasons');
      expect(await reasons.count()).toBeGreaterThan(3);
      const detector = dutchDetector(language);
      const texts = [...new Set((await visibleTexts(page)).map(normalise))].filter((t) => t !== '');
      // The reasons, summaries and open points are on screen, not only the closed rows.
      const shown = await page.locator('.outcome-summary').allInnerTexts();
      expect(shown.length).toBeGreaterThan(3);
      const dutch = texts.flatMap((t) => {
        const why = detector.why(t);
        return why ? [`${why}: "${t.slice(0, 120)}"`] : [];
      });
      expect(dutch).toEqual([]);
      expect(volunteer.errors.splice(0)).toEqual([]);
    }, 120_000);
  }

  for (const taal of ['ar', 'en'] as const) {
    it(`a Dutch-speaking worker prints the resident's summary in ${taal}: no Dutch sentence on paper`, async () => {
      const page = volunteer.page;
      await page.setViewportSize({ width: 1024, height: 768 });
      await goInApp(page, '/');
      await chooseLanguage(page, 'nl');
      await goInApp(page, `/check/${checkId}/samenvatting?taal=${taal}`);
      const summary = page.getByTestId('resident-summary');
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await summary.getAttribute('lang')).toBe(taal);
        expect(await summary.getAttribute('dir')).toBe(taal === 'ar' ? 'rtl' : 'ltr');
        // What reaches the paper: the worker's Dutch tools and menus are not printed.
        const detector = dutchDetector(taal);
        const printed = (await visibleTexts(page)).map(normalise).filter((t) => t !== '');
        expect(printed.length).toBeGreaterThan(10);
        expect(printed.filter((t) => detector.why(t))).toEqual([]);
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }
});
