import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpE2eEnvironment } from './harness';
import { dismissOfflineToast, newDevice, signInAsVolunteer, type Login } from './session';

const env = setUpE2eEnvironment();

/** Synthetic demo account that src/server/seed.ts creates. */
const DEMO_BEHEERDER: Login = {
  email: 'beheerder@demo.dichtbij',
  password: 'demo-beheerder-2026',
};

/** The device id the app registered at sign-in, read from the device's own database. */
async function deviceIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('dichtbij');
        open.onerror = () => reject(new Error('cannot open the device database'));
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('sync.deviceId');
          get.onsuccess = () => {
            const row = get.result as { value: string } | undefined;
            open.result.close();
            if (row) resolve(row.value);
            else reject(new Error('no device id'));
          };
        };
      }),
  );
}

describe('beheer', () => {
  it("a beheerder marks a volunteer's device lost; at its next sync the device wipes itself", async () => {
    // The volunteer's tablet: signed in, PIN set.
    const tablet = await newDevice(env.browser, env.server.url);
    await signInAsVolunteer(tablet.page, env.server.url);
    const tabletId = await deviceIdOf(tablet.page);

    // The beheerder, on her own device, finds that tablet under the volunteer's account.
    const desk = await newDevice(env.browser, env.server.url);
    const p = desk.page;
    await p.goto(`${env.server.url}/inloggen`);
    await p.locator('#login-email').fill(DEMO_BEHEERDER.email);
    await p.locator('#login-password').fill(DEMO_BEHEERDER.password);
    await p.locator('form button[type="submit"]').click();
    // Her start page is the users list, reached through /beheer's redirect; polled rather than
    // waited for as a navigation, since the redirect is a same-document history change.
    await expect
      .poll(() => new URL(p.url()).pathname, { timeout: 30_000 })
      .toBe('/beheer/gebruikers');
    await dismissOfflineToast(p);
    await p
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Beheer' })
      .click();
    await expect
      .poll(() => new URL(p.url()).pathname, { timeout: 30_000 })
      .toBe('/beheer/gebruikers');
    // Beheer needs no PIN: nothing about residents is shown.
    expect(await p.locator('.pin-keys').count()).toBe(0);
    await p.getByRole('link', { name: 'Vera Vrijwilliger (demo)', exact: true }).click();
    await p.waitForURL((url) => url.pathname === '/beheer/gebruikers/demo-vrijwilliger');
    const row = p.locator(`tr[data-device-id="${tabletId}"]`);
    await expect.poll(() => row.textContent()).toContain('In gebruik');

    await row.getByRole('button', { name: `Apparaat ${tabletId} kwijt melden` }).click();
    const dialog = p.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(
      'Dit apparaat wist bij het volgende contact alle persoonsgegevens, ook wat nog niet verstuurd is.',
    );
    await dialog.getByRole('button', { name: 'Ja, kwijt melden' }).click();
    await expect.poll(() => row.textContent()).toContain('Kwijt gemeld op');

    // The tablet's next sync: the server answers "wipe", the device removes everything.
    const t = tablet.page;
    await t.getByTestId('sync-badge').click();
    await t.waitForURL((url) => url.pathname === '/account');
    await t.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect
      .poll(() => t.getByRole('alert').first().textContent(), { timeout: 15_000 })
      .toBe(
        'De beheerder heeft dit apparaat als kwijt gemeld. Alle persoonsgegevens zijn van dit apparaat gewist.',
      );
    // No session any more: the header offers to sign in, and personal pages ask for it.
    await expect.poll(() => t.getByTestId('sync-badge').count()).toBe(0);
    await t.goto(`${env.server.url}/signalen`);
    await t.waitForURL((url) => url.pathname === '/inloggen');

    await tablet.context.close();
    await desk.context.close();
  });
});
