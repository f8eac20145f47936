import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, setUpE2eEnvironment, waitForServiceWorker } from './harness';
import {
  dismissOfflineToast,
  setUpPin,
  signInAsVolunteer,
  syncNow,
  unlockWithPin,
} from './session';

/**
 * Issue 10 in a real Chromium profile on disk: what a stolen tablet's disk holds.
 * 1. Text typed into a note is not written to the browser's session-restore files.
 * 2. A copy of a locked device's profile opens neither the records nor the server without the PIN.
 */

const env = setUpE2eEnvironment();
const dirs: string[] = [];
afterAll(() => {
  // A browser still closing may write into its profile; a leftover temp dir is harmless.
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

function profileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-profile-'));
  dirs.push(dir);
  return dir;
}

function openProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
  });
}

/** Files under `dir` whose bytes hold `needle` in UTF-8 or UTF-16LE (Chromium uses both). */
function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  const walk = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // removed while we looked
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
      return;
    }
    if (!stat.isFile() || stat.size > 64 * 1024 * 1024) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return; // locked or gone
    }
    if (forms.some((form) => bytes.includes(form))) found.push(path.slice(dir.length));
  };
  walk(dir);
  return found;
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

describe('personal data at rest in the browser profile', () => {
  it('keeps a note typed with a 10-second pause out of every profile file', async () => {
    const dir = profileDir();
    const context = await openProfile(dir);
    const page = await firstPage(context);
    await page.goto(env.server.url);
    // The "ready offline" notice comes once the service worker is in; out of the way first.
    await waitForServiceWorker(page);
    await dismissOfflineToast(page, 10_000);
    await signInAsVolunteer(page, env.server.url, '/signalen/nieuw');
    const marker = `Synthetischmerkteken${Date.now()}`;
    await page.getByLabel('Korte notitie (mag leeg)').pressSequentially(`${marker} notitie`);
    await page.getByLabel('Naam of schuilnaam').fill(`${marker}naam`);
    // The worker pauses before saving; Chromium writes its session files in the meantime.
    await page.waitForTimeout(10_000);
    expect(filesContaining(dir, marker)).toEqual([]);
    await context.close();
    expect(filesContaining(dir, marker)).toEqual([]);
  });

  it('a copy of a locked device opens neither the records nor any server request without the PIN', async () => {
    const dir = profileDir();
    const context = await openProfile(dir);
    const page = await firstPage(context);
    const tokens: string[] = [];
    page.on('response', (response) => {
      if (!/\/api\/auth\/(login|refresh)$/.test(response.url()) || !response.ok()) return;
      void response.json().then(
        (body: { accessToken?: string; refreshToken?: string; recoveryKey?: string }) => {
          for (const t of [body.accessToken, body.refreshToken, body.recoveryKey])
            if (t) tokens.push(t);
        },
        () => undefined,
      );
    });
    await page.goto(env.server.url);
    // The "ready offline" notice comes once the service worker is in; out of the way first.
    await waitForServiceWorker(page);
    await dismissOfflineToast(page, 10_000);
    await signInAsVolunteer(page, env.server.url, '/signalen/nieuw');
    const marker = `Bewonerfictief${Date.now()}`;
    await page.getByRole('button', { name: 'Achterstand huur' }).click();
    await page.getByLabel('Wijk').selectOption('wielwijk');
    await page.getByLabel('Snel').check();
    await page.getByLabel('Ja, de bewoner vindt het goed').check();
    await page.getByLabel('Naam of schuilnaam').fill(marker);
    await page.getByLabel('Via de plek waar ik de bewoner zag').check();
    await page.getByLabel('Gegevens voor contact').fill('Geldpraatje-plek Wielwijk (fictief)');
    await page.getByRole('button', { name: 'Signaal opslaan' }).click();
    await page.waitForURL(/\/signalen\/[0-9A-Z]+$/);
    const signalUrl = page.url();
    await syncNow(page);
    await waitForServiceWorker(page);
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    // Closing the browser is the strongest lock: nothing stays in memory.
    await context.close();

    const copyDir = profileDir();
    cpSync(dir, copyDir, { recursive: true });
    for (const secret of tokens) expect(filesContaining(copyDir, secret)).toEqual([]);
    expect(filesContaining(copyDir, marker)).toEqual([]);

    const thief = await openProfile(copyDir);
    const thiefPage = await firstPage(thief);
    await thiefPage.goto(`${env.server.url}/signalen`);
    await thiefPage.locator('.pin-keys').first().waitFor();
    expect(await thiefPage.locator('body').innerText()).not.toContain(marker);

    // The attack: read the stored session straight from IndexedDB and call the API with it,
    // signing with the device key that the copy can still use.
    const attack = await thiefPage.evaluate(async () => {
      const open = indexedDB.open('dichtbij');
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const req = idb.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      const meta = await all<{ key: string; value: unknown }>('meta');
      const signals = await all<Record<string, unknown>>('signals');
      const strings: string[] = [];
      const visit = (v: unknown): void => {
        if (typeof v === 'string') strings.push(v);
        else if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && !(v instanceof CryptoKey) && !ArrayBuffer.isView(v))
          Object.values(v).forEach(visit);
      };
      meta.forEach((row) => visit(row.value));
      const byKey = Object.fromEntries(meta.map((row) => [row.key, row.value]));
      const deviceId = byKey['sync.deviceId'] as string;
      const keys = byKey['sync.deviceKey'] as CryptoKeyPair | undefined;
      const b64 = (bytes: Uint8Array) =>
        btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const answers: { path: string; status: number; body: string }[] = [];
      for (const candidate of strings) {
        const refreshToken = candidate.slice(0, 200).padEnd(20, 'x');
        const timestamp = Date.now();
        const nonce = b64(crypto.getRandomValues(new Uint8Array(16)));
        const message = ['dichtbij-refresh-v1', deviceId, refreshToken, timestamp, nonce].join(
          '\n',
        );
        const signature = keys
          ? b64(
              new Uint8Array(
                await crypto.subtle.sign(
                  { name: 'ECDSA', hash: 'SHA-256' },
                  keys.privateKey,
                  new TextEncoder().encode(message),
                ),
              ),
            )
          : 'x'.repeat(86);
        const refresh = await fetch('/api/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deviceId, refreshToken, proof: { timestamp, nonce, signature } }),
        });
        answers.push({ path: 'refresh', status: refresh.status, body: await refresh.text() });
        const pull = await fetch('/api/sync/pull', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${candidate}` },
          body: JSON.stringify({ protocolVersion: 1, deviceId, cursor: null }),
        });
        answers.push({ path: 'pull', status: pull.status, body: await pull.text() });
      }
      return {
        tried: strings.length,
        hasKey: keys !== undefined,
        answers,
        signalData: JSON.stringify(signals.map((s) => s.data)),
      };
    });
    expect(attack.hasKey).toBe(true);
    expect(attack.tried).toBeGreaterThan(2);
    for (const answer of attack.answers) {
      expect(answer.status, `${answer.path} answered ${answer.status}`).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body).not.toContain(marker);
    }
    expect(attack.signalData).not.toContain(marker);

    // The control: the same copy WITH the PIN opens the record and syncs, so only the PIN was missing.
    await unlockWithPin(thiefPage);
    await syncNow(thiefPage);
    await thiefPage.goto(signalUrl);
    await unlockWithPin(thiefPage);
    await thiefPage.getByText(marker).first().waitFor();
    await thief.close();
  }, 240_000);
});

describe('a forgotten PIN', () => {
  it('is recovered by signing in online, with the unsynced signal intact', async () => {
    const dir = profileDir();
    const context = await openProfile(dir);
    const page = await firstPage(context);
    await page.goto(env.server.url);
    // The "ready offline" notice comes once the service worker is in; out of the way first.
    await waitForServiceWorker(page);
    await dismissOfflineToast(page, 10_000);
    await signInAsVolunteer(page, env.server.url, '/signalen/nieuw');
    // Offline for real: the signal stays in the outbox.
    await env.server.stop();
    let running = false;
    try {
      const name = `Onverstuurdfictief${Date.now()}`;
      await page.getByRole('button', { name: 'Achterstand huur' }).click();
      await page.getByLabel('Wijk').selectOption('wielwijk');
      await page.getByLabel('Snel').check();
      await page.getByLabel('Ja, de bewoner vindt het goed').check();
      await page.getByLabel('Naam of schuilnaam').fill(name);
      await page.getByLabel('Via de plek waar ik de bewoner zag').check();
      await page.getByLabel('Gegevens voor contact').fill('Geldpraatje-plek Wielwijk (fictief)');
      await page.getByRole('button', { name: 'Signaal opslaan' }).click();
      await page.waitForURL(/\/signalen\/[0-9A-Z]+$/);
      const signalUrl = page.url();
      // A reload locks; the worker no longer knows her PIN.
      await page.reload();
      await page.locator('.pin-keys').first().waitFor();
      await env.server.start();
      running = true;
      await page.getByRole('button', { name: 'PIN vergeten?' }).click();
      await page.locator('#recover-email').fill('vrijwilliger@demo.dichtbij');
      await page.locator('#recover-password').fill('demo-vrijwilliger-2026');
      await page.getByRole('button', { name: 'Inloggen en nieuwe pincode kiezen' }).click();
      await page.getByRole('heading', { name: 'Kies een nieuwe pincode' }).waitFor();
      await setUpPin(page, '975318');
      expect(page.url()).toBe(signalUrl);
      await page.getByText(name).first().waitFor();
      await syncNow(page);
    } finally {
      if (!running) await env.server.start();
    }
    await context.close();
  }, 240_000);
});
