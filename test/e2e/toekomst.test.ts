import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment } from './harness';
import type { Login } from './session';
import { newDevice, signInAs, signInAsVolunteer, syncNow, unlockWithPin } from './session';

const env = setUpE2eEnvironment();

const DEMO_TOEKOMSTMAKELAAR: Login = {
  email: 'toekomstmakelaar@demo.dichtbij',
  password: 'demo-toekomstmakelaar-2026',
};

describe('toekomstmakelaars: from a check with a work wish to a first step', () => {
  it('a volunteer refers; the toekomstmakelaar, offline, holds the intake and signs her up; the volunteer sees "opgepakt"', async () => {
    // The volunteer runs a short check in which the resident wants (more) work.
    const volunteer = await newDevice(env.browser, env.server.url);
    const v = volunteer.page;
    await signInAsVolunteer(v, env.server.url, '/check');
    await v.getByRole('link', { name: 'Nieuwe check starten' }).click();
    await v.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
    await v.getByRole('button', { name: 'Start de check' }).click();
    await v.waitForURL(/\/check\/[^/]+\/inkomen$/);
    const checkPath = new URL(v.url()).pathname.replace(/\/inkomen$/, '');
    await v
      .getByRole('group', { name: 'Wilt u (meer) werken of een opleiding doen?', exact: true })
      .getByLabel('Ja', { exact: true })
      .check();
    await expect
      .poll(() => v.getByTestId('check-save-status').textContent())
      .toBe('Bewaard op dit apparaat.');
    await v.goto(`${env.server.url}${checkPath}/uitkomst`);
    await unlockWithPin(v);

    // One tap from the outcome to the referral form: name, one way to reach her, consent.
    await v.getByRole('link', { name: 'Verwijs naar de toekomstmakelaar' }).click();
    await v.waitForURL((url) => url.pathname === '/toekomst/verwijzen');
    await v.getByLabel('Naam of schuilnaam').fill('Mevrouw W (fictief)');
    await v.getByLabel(/Hoe bereiken we de bewoner/).fill('06 0000 0000 (fictief)');
    await v
      .getByLabel('De bewoner vindt het goed dat de toekomstmakelaar contact opneemt.')
      .check();
    await v.getByRole('button', { name: 'Verwijzen' }).click();
    await v.waitForURL((url) => url.pathname === `${checkPath}/uitkomst`);
    const card = v.getByTestId('toekomst-referral');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Nog niet opgepakt');
    await syncNow(v);

    // The toekomstmakelaar signs in and syncs while the server is there.
    const maker = await newDevice(env.browser, env.server.url);
    const m = maker.page;
    await signInAs(m, env.server.url, DEMO_TOEKOMSTMAKELAAR, '/toekomst');
    await syncNow(m);
    await m
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Toekomst' })
      .click();
    const fresh = m.getByRole('region', { name: 'Nieuwe verwijzingen' });
    await expect.poll(() => fresh.textContent()).toContain('Mevrouw W (fictief)');

    // Then the server is taken away for real: the intake and the first step happen offline.
    await env.server.stop();
    await maker.context.setOffline(true);
    await fresh.getByRole('link', { name: 'Mevrouw W (fictief)' }).click();
    await m.waitForURL(/\/toekomst\/[0-9A-Z]+$/i);
    await m
      .getByRole('group', { name: 'Wat wil de bewoner?' })
      .getByLabel('Werk', { exact: true })
      .check();
    await m.getByLabel('Uren per week').fill('10');
    await m
      .getByRole('group', { name: 'Wat staat in de weg?' })
      .getByLabel('Zelfvertrouwen')
      .check();
    await m.getByRole('button', { name: 'Toekomstgesprek opslaan' }).click();

    const proposals = m.getByRole('region', { name: 'Aanbod dat past' });
    await expect
      .poll(() => proposals.getByRole('heading', { level: 3 }).first().textContent())
      .toBe('Leerpraktijkcentrum het Waterwiel');
    // The Werkcentrum is shown as not there yet, never as the only route.
    await expect.poll(() => proposals.textContent()).toContain('Nog niet beschikbaar');
    await proposals
      .getByRole('button', { name: 'Aanmelden: Leerpraktijkcentrum het Waterwiel' })
      .click();
    const plan = m.getByRole('region', { name: 'Toekomstplan' });
    await expect.poll(() => plan.textContent()).toContain('Aangemeld');

    // Still offline: the plan she takes home, in Arabic, right to left, nothing Dutch in it.
    await m.getByRole('link', { name: 'Plan voor de bewoner' }).click();
    await m.getByLabel('Taal van het plan').selectOption('ar');
    const sheet = m.getByTestId('plan-sheet');
    await expect.poll(() => sheet.getAttribute('dir')).toBe('rtl');
    expect(await sheet.getAttribute('lang')).toBe('ar');
    await expect.poll(() => sheet.textContent()).toContain('مركز التعلّم العملي Het Waterwiel');
    const printed = (await sheet.textContent()) ?? '';
    expect(printed).toContain('مسجّل');
    expect(printed).not.toContain('Aangemeld');
    expect(printed).not.toContain('Werken leren in uw eigen tempo');

    // The server returns; she syncs.
    await env.server.start();
    await maker.context.setOffline(false);
    await syncNow(m);

    // The volunteer syncs and sees that it was picked up, and nothing of the conversation.
    await syncNow(v);
    await v.goto(`${env.server.url}${checkPath}/uitkomst`);
    await unlockWithPin(v);
    // Unlocking and reading the device's copy takes a moment on a busy machine.
    await expect
      .poll(() => v.getByTestId('toekomst-referral').textContent(), { timeout: 15_000 })
      .toContain('Opgepakt');
    const text = (await v.getByTestId('toekomst-referral').textContent()) ?? '';
    expect(text).not.toContain('Waterwiel');
    expect(text).not.toContain('Zelfvertrouwen');

    await volunteer.context.close();
    await maker.context.close();
    // Two devices, two sign-ins with PIN set-up, a server stop and start: longer than one check.
  }, 300_000);
});
