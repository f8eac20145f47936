import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment } from './harness';
import { fillParentCheck, openOutcome, question, waitSaved } from './check-steps';
import { dismissOfflineToast, newDevice, signInAsVolunteer, syncNow, type Login } from './session';

const env = setUpE2eEnvironment();

const DEMO_BEHEERDER: Login = {
  email: 'beheerder@demo.dichtbij',
  password: 'demo-beheerder-2026',
};

/** The hours the beheerder publishes for the wijkteam (synthetic: a test value, not a fact). */
const NEW_HOURS = 'Maandag tot en met donderdag 9.00–12.00 uur (testwaarde)';

describe('the sociale kaart', () => {
  it('proposes Dordt West places offline for a Crabbehof resident, prints a slip, and shows hours a beheerder publishes after sync', async () => {
    const { context, page } = await newDevice(env.browser, env.server.url);
    await signInAsVolunteer(page, env.server.url);

    // No connection at all: the server is gone and the browser knows it.
    await env.server.stop();
    await context.setOffline(true);

    const checkPath = await fillParentCheck(page, 'Crabbehof');
    await question(page, 'Heeft u schulden?').getByLabel('Ja', { exact: true }).check();
    await question(page, 'Wilt u (meer) werken of een opleiding doen?')
      .getByLabel('Ja', { exact: true })
      .check();
    await waitSaved(page);
    await openOutcome(page, checkPath);

    // Work: Leerpraktijkcentrum het Waterwiel (Wielwijk, for all of Dordt West) with its address.
    const waterwiel = page.locator('[data-place="leerpraktijkcentrum-waterwiel"]').first();
    await expect.poll(() => waterwiel.textContent()).toContain('Het Waterwiel, Admiraalsplein');
    expect(await waterwiel.textContent()).toContain('Dordt West');
    expect(await waterwiel.textContent()).toContain('Gecontroleerd op 30 november 2026');
    // Debts: the SDD's own team for Dordt West first, then the Uitvoeringsbrigade.
    const debtPlaces = await page
      .locator('li.referral', { has: page.getByRole('link', { name: /Schuldhulp/i }) })
      .locator('[data-place]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
    expect(debtPlaces.slice(0, 2)).toEqual(['sdd-team-dordt-west', 'uitvoeringsbrigade']);
    // The wijkteam with its walk-in hours, still offline.
    const wijkteam = page.locator('[data-place="sociaal-wijkteam"]').first();
    await wijkteam.locator('summary').first().waitFor({ state: 'attached' });

    // The referral slip for the resident, in Arabic, printable.
    await page
      .locator('[data-place="leerpraktijkcentrum-waterwiel"]')
      .first()
      .getByRole('link', { name: 'Verwijsbriefje' })
      .click();
    await page.waitForURL(/\/kaart\/leerpraktijkcentrum-waterwiel\/verwijsbriefje/);
    await page.getByLabel('Taal van het briefje').selectOption('ar');
    const slip = page.getByTestId('referral-slip');
    await expect.poll(() => slip.getAttribute('dir')).toBe('rtl');
    expect(await slip.textContent()).toContain('ورقة الإحالة');
    expect(await slip.textContent()).toContain('Het Waterwiel, Admiraalsplein');
    expect(await slip.textContent()).toContain('Vera Vrijwilliger (demo)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await slip.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });

    // Back online; the beheerder changes the wijkteam's hours in the app and publishes.
    await env.server.start();
    await context.setOffline(false);
    const desk = await newDevice(env.browser, env.server.url);
    const p = desk.page;
    await p.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent('/beheer/catalogus')}`);
    await p.locator('#login-email').fill(DEMO_BEHEERDER.email);
    await p.locator('#login-password').fill(DEMO_BEHEERDER.password);
    await p.locator('form button[type="submit"]').click();
    await expect
      .poll(() => new URL(p.url()).pathname, { timeout: 30_000 })
      .toBe('/beheer/catalogus');
    await dismissOfflineToast(p);
    // In the app: choose the place, change its hours, name where it was checked, publish.
    await p.getByLabel('Plek', { exact: true }).selectOption('sociaal-wijkteam');
    await p
      .getByRole('group', { name: 'Openingstijden' })
      .getByLabel('Wat klopt nu')
      .fill(NEW_HOURS);
    await p.getByLabel('Titel van de bron').fill('Telefonisch nagevraagd (test)');
    await p.getByLabel('Wie geeft het uit').fill('Beheer Dichtbij (test)');
    await p.getByRole('button', { name: 'Opslaan en publiceren' }).click();
    await expect
      .poll(() => p.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/is gepubliceerd/));
    await desk.context.close();

    // The volunteer's device syncs and shows the new hours in the kaart.
    await syncNow(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Regelingen' })
      .click();
    await page.getByRole('link', { name: 'Zoek een plek in de sociale kaart' }).click();
    await page.getByLabel('Zoek een plek').fill('wijkteam');
    const card = page.locator('[data-place="sociaal-wijkteam"]');
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain(NEW_HOURS);
    // Saving records the day the beheerder checked the entry.
    const today = new Date(new Date().toISOString().slice(0, 10)).toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(await card.textContent()).toContain(`Gecontroleerd op ${today}`);
    await context.close();
  });
});
