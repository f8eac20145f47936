import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment } from './harness';
import {
  DEMO_WIJKTEAM,
  newDevice,
  signInAs,
  signInAsVolunteer,
  syncNow,
  unlockWithPin,
} from './session';

const env = setUpE2eEnvironment();

describe('signals: a volunteer logs offline, the wijkteam follows up', () => {
  it('hands over, syncs, is picked up and closed; the volunteer sees the status but not the notes', async () => {
    // The volunteer: signed in once, then offline at a Geldpraatje-plek.
    const volunteer = await newDevice(env.browser, env.server.url);
    await signInAsVolunteer(volunteer.page, env.server.url, '/signalen/nieuw');
    // The server is taken away for real: the service worker's own requests fail too.
    await env.server.stop();
    await volunteer.context.setOffline(true);
    const v = volunteer.page;
    await v.getByRole('button', { name: 'Achterstand huur' }).click();
    await v.getByLabel('Wijk').selectOption('wielwijk');
    await v.getByLabel('Snel').check();
    await v.getByLabel('Ja, de bewoner vindt het goed').check();
    await v.getByLabel('Naam of schuilnaam').fill('Mevrouw F (fictief)');
    await v.getByLabel('Via de plek waar ik de bewoner zag').check();
    await v.getByLabel('Gegevens voor contact').fill('Geldpraatje-plek Wielwijk (fictief)');
    await v.getByLabel('Korte notitie (mag leeg)').fill('Brief van de verhuurder gezien.');
    // The volunteer's default receiver is the wijkteam of the wijk.
    await expect
      .poll(() => v.getByLabel('Wie neemt contact op?').inputValue())
      .toBe('team-wijkteam-west');
    await v.getByRole('button', { name: 'Signaal opslaan' }).click();
    await v.waitForURL(/\/signalen\/[0-9A-Z]+$/);
    const signalPath = new URL(v.url()).pathname;
    await expect.poll(() => v.getByRole('heading', { level: 1 }).textContent()).toContain('Nieuw');

    // Back online: the signal goes to the env.server.
    await env.server.start();
    await volunteer.context.setOffline(false);
    await syncNow(v);

    // The wijkteam worker on her own device sees it in the team list after syncing.
    const wijkteam = await newDevice(env.browser, env.server.url);
    const w = wijkteam.page;
    await signInAs(w, env.server.url, DEMO_WIJKTEAM, '/signalen');
    await syncNow(w);
    await w
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Signalen' })
      .click();
    await w.getByRole('link', { name: 'Team' }).click();
    await w.getByRole('link', { name: /Mevrouw F \(fictief\)/ }).click();
    await w.waitForURL((url) => url.pathname === signalPath);
    await w.getByRole('button', { name: 'Oppakken' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Contact gelegd' }).click();
    await w.getByLabel('Bericht (mag leeg)').fill('Gebeld; zij wil hulp bij de huurachterstand.');
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await w.getByLabel('Bericht').fill('Interne notitie: afspraak bij de SDD gemaakt.');
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await w.getByRole('button', { name: 'Afronden' }).click();
    await w.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => w.getByRole('heading', { level: 1 }).textContent())
      .toContain('Afgerond');
    await syncNow(w);

    // The volunteer syncs: she sees it was picked up and closed, without the wijkteam's notes.
    await syncNow(v);
    await v.goto(`${env.server.url}${signalPath}`);
    await unlockWithPin(v);
    await expect
      .poll(() => v.getByRole('heading', { level: 1 }).textContent())
      .toContain('Afgerond');
    const history = v.getByRole('region', { name: 'Wat is er gebeurd?' });
    await expect.poll(() => history.textContent()).toContain('Opgepakt');
    await expect.poll(() => history.textContent()).toContain('Contact gelegd');
    const text = (await history.textContent()) ?? '';
    expect(text).not.toContain('Interne notitie');
    expect(text).not.toContain('Gebeld; zij wil hulp');
    expect(text).toContain('Het bericht is alleen voor het team');

    await volunteer.context.close();
    await wijkteam.context.close();
  });
});
