import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import nl from '../../src/app/i18n/locales/nl.json';
import en from '../../src/app/i18n/locales/en.json';
import ar from '../../src/app/i18n/locales/ar.json';
import checkNl from '../../src/app/i18n/locales/check-nl.json';
import checkEn from '../../src/app/i18n/locales/check-en.json';
import checkAr from '../../src/app/i18n/locales/check-ar.json';
import signalsNl from '../../src/app/i18n/locales/signals-nl.json';
import signalsEn from '../../src/app/i18n/locales/signals-en.json';
import signalsAr from '../../src/app/i18n/locales/signals-ar.json';
import adminNl from '../../src/app/i18n/locales/admin-nl.json';
import adminEn from '../../src/app/i18n/locales/admin-en.json';
import adminAr from '../../src/app/i18n/locales/admin-ar.json';
import questionsNl from '../../src/domain/check/questions-nl.json';
import questionsEn from '../../src/domain/check/questions-en.json';
import questionsAr from '../../src/domain/check/questions-ar.json';
import { DUTCH_STOP_WORDS } from '../helpers/dutch';
import { setUpE2eEnvironment } from './harness';
import { signInAsVolunteer } from './session';

/**
 * A new user on a touch tablet, in English and in Arabic, portrait and landscape: every screen
 * from the start page to the printed summary, a signal and beheer. Fails on a visible Dutch text
 * (apart from proper names and text marked lang="nl"), on a page wider than the screen, on an
 * uncaught error, on an axe-core violation, or on a tap target smaller than 44×44 CSS px.
 */
const env = setUpE2eEnvironment();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function values(bundle: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof bundle === 'string') out.add(bundle.trim());
  else if (bundle && typeof bundle === 'object')
    for (const v of Object.values(bundle)) values(v, out);
  return out;
}
const translated = values([en, ar, checkEn, checkAr, signalsEn, signalsAr, adminEn, adminAr]);
values([questionsEn, questionsAr], translated);
/** Texts that exist only in Dutch: seeing one on an English or Arabic page is a miss. */
const DUTCH_ONLY = [...values([nl, checkNl, signalsNl, adminNl, questionsNl])].filter(
  (v) => v.length > 2 && !translated.has(v) && !v.includes('{{'),
);

const VIEWPORTS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
] as const;

/** Client-side navigation: a reload would lock the PIN vault. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await h1.waitFor();
  // Lazy texts and overlays: wait until no loading message is left.
  await expect.poll(() => page.locator('[role="status"]:has-text("…")').count()).toBe(0);
}

async function dutchTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ dutchOnly, stopWords }) => {
      const only = new Set(dutchOnly);
      const stop = new Set(stopWords);
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const parent = node.parentElement;
        if (!text || !parent) continue;
        if (parent.closest('[lang="nl"], script, style, [hidden], [aria-hidden="true"]')) continue;
        if (parent.getClientRects().length === 0 && !parent.closest('.visually-hidden')) continue;
        const words = text
          .toLowerCase()
          .split(/[^a-zëéïöü]+/)
          .filter(Boolean);
        const hits = words.filter((w) => stop.has(w)).length;
        if (only.has(text) || (words.length >= 3 && hits >= 2)) found.push(text);
      }
      return found;
    },
    { dutchOnly: DUTCH_ONLY, stopWords: [...DUTCH_STOP_WORDS] },
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: object) => Promise<{
            violations: { id: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** Interactive targets under 44×44 CSS px; links inside a sentence are exempt (WCAG 2.5.8). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[hidden], .skip-link') || el.getClientRects().length === 0) continue;
      let box = el.getBoundingClientRect();
      const type = el.getAttribute('type');
      if (type === 'radio' || type === 'checkbox') {
        const label = el.closest('label') ?? document.querySelector(`label[for="${el.id}"]`);
        if (label) box = label.getBoundingClientRect();
      }
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
        const sentence = el.parentElement?.textContent?.trim() ?? '';
        if (sentence.length > (el.textContent?.trim().length ?? 0)) continue;
      }
      if (box.width < 44 || box.height < 44)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  });
}

async function checkScreen(page: Page, label: string, language: string) {
  const problems: string[] = [];
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  if (width.scroll > width.client)
    problems.push(`scrolls sideways: ${width.scroll} > ${width.client}`);
  if (language !== 'nl') for (const d of await dutchTexts(page)) problems.push(`Dutch: ${d}`);
  for (const v of await axeViolations(page)) problems.push(`axe ${v}`);
  for (const s of await smallTargets(page)) problems.push(`small target ${s}`);
  return problems.map((p) => `${label}: ${p}`);
}

describe('every screen in English and Arabic on a tablet', () => {
  it('walks start to summary, a signal and beheer without Dutch, overflow, errors or barriers', async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: VIEWPORTS[1] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signInAsVolunteer(page, env.server.url, '/check');
    await page.getByRole('link', { name: 'Nieuwe check starten' }).click();
    await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
    await page.getByRole('button', { name: 'Start de check' }).click();
    await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
    const checkPath = new URL(page.url()).pathname.replace(/\/inkomen$/, '');
    await page.getByLabel('Dordrecht', { exact: true }).first().check();
    await page.getByLabel('Leeftijd van Uzelf').fill('32');
    await page.getByRole('button', { name: '+ Kind' }).click();
    await page.getByLabel('Leeftijd van Kind 1').fill('7');

    await go(page, '/signalen/nieuw');
    await page.getByRole('button', { name: 'Achterstand huur' }).click();
    await page.getByLabel('Wijk').selectOption('wielwijk');
    await page.getByLabel('Snel').check();
    await page.getByLabel('Ja, de bewoner vindt het goed').check();
    await page.getByLabel('Naam of schuilnaam').fill('F. Test');
    await page.getByLabel('Via de plek waar ik de bewoner zag').check();
    await page.getByLabel('Gegevens voor contact').fill('Test 1');
    await page.getByRole('button', { name: 'Signaal opslaan' }).click();
    await page.waitForURL(/\/signalen\/[0-9A-Z]+$/);
    const signalPath = new URL(page.url()).pathname;

    const topics = ['inkomen', 'meedoen', 'wonen', 'hulp-en-zorg', 'vertrouwen'];
    const screens = (language: string) => [
      '/',
      '/regelingen?q=kinderen',
      '/regelingen/dordtpas',
      '/wijken/wielwijk',
      ...topics.map((t) => `${checkPath}/${t}`),
      `${checkPath}/uitkomst`,
      `${checkPath}/samenvatting?taal=${language}`,
      '/signalen/nieuw',
      signalPath,
    ];

    const problems: string[] = [];
    for (const language of ['en', 'ar', 'nl']) {
      await page.locator('.language-switch select').selectOption(language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const path of screens(language)) {
          await go(page, path);
          problems.push(
            ...(await checkScreen(
              page,
              `${language} ${viewport.width}×${viewport.height} ${path}`,
              language,
            )),
          );
        }
      }
    }

    // The printed summary in Arabic: lang and dir on the page itself, no Dutch sentence.
    await page.locator('.language-switch select').selectOption('en');
    await go(page, `${checkPath}/samenvatting?taal=ar`);
    const summary = page.getByTestId('resident-summary');
    expect(await summary.getAttribute('lang')).toBe('ar');
    expect(await summary.getAttribute('dir')).toBe('rtl');

    // Beheer, signed in as the beheerder on a second tablet.
    const admin = await env.browser.newContext({ bypassCSP: true, viewport: VIEWPORTS[0] });
    const a = await admin.newPage();
    a.on('pageerror', (e) => errors.push(e.message));
    await a.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent('/beheer/gebruikers')}`);
    await a.locator('#login-email').fill('beheerder@demo.dichtbij');
    await a.locator('#login-password').fill('demo-beheerder-2026');
    await a.locator('form button[type="submit"]').click();
    await a.waitForURL((url) => url.pathname === '/beheer/gebruikers');
    for (const language of ['en', 'ar']) {
      await a.locator('.language-switch select').selectOption(language);
      for (const viewport of VIEWPORTS) {
        await a.setViewportSize(viewport);
        for (const path of ['/beheer/gebruikers', '/beheer/audit', '/beheer/catalogus']) {
          await go(a, path);
          problems.push(
            ...(await checkScreen(
              a,
              `${language} ${viewport.width}×${viewport.height} ${path}`,
              language,
            )),
          );
        }
      }
    }

    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await admin.close();
    await context.close();
  });
});
