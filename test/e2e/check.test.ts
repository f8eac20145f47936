import { describe, expect, it } from 'vitest';
import { fillParentCheck, question, waitSaved } from './check-steps';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';
import { dismissOfflineToast, signInAsVolunteer, unlockWithPin } from './session';

const env = setUpE2eEnvironment();

describe('the bestaanszekerheidscheck works offline', () => {
  it('a volunteer runs the short check, closes the tab, resumes and prints the summary', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'allow' });
    let page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    // The first install says "works offline now"; close it so it covers no buttons.
    await dismissOfflineToast(page, 5_000);
    // Online once: sign in and choose the device PIN.
    await signInAsVolunteer(page, env.server.url, '/check');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Bestaanszekerheidscheck');

    // Take the server away for real, and tell the browser it is offline.
    await env.server.stop();
    await context.setOffline(true);

    // A single parent with two children on a low income (synthetic).
    const checkPath = await fillParentCheck(page);
    const savings = question(page, 'Hoeveel spaargeld heeft het huishouden samen?').getByRole(
      'textbox',
    );
    // Bad input is refused at the field.
    await savings.fill('-40');
    await savings.blur();
    await expect
      .poll(() =>
        question(page, 'Hoeveel spaargeld heeft het huishouden samen?')
          .getByRole('alert')
          .textContent(),
      )
      .toContain('Vul een bedrag van 0 of meer in.');
    await savings.fill('250');
    await question(page, 'Hoe gaat het rondkomen met het geld dat u heeft?')
      .getByLabel('Het is moeilijk')
      .check();
    await question(page, 'Heeft u schulden?')
      .getByRole('button', { name: 'Wil ik niet zeggen' })
      .click();
    await waitSaved(page);

    await page.getByRole('link', { name: /^Verder: / }).click();
    await page.waitForURL(/\/(meedoen|wonen)$/);
    await page
      .getByRole('navigation', { name: 'Onderwerpen van de check' })
      .getByRole('link', { name: /^Wonen/ })
      .click();
    await page.waitForURL(/\/wonen$/);
    await question(page, 'Waar woont u?').getByLabel('Huurhuis van een woningcorporatie').check();
    await question(page, 'Hoeveel betaalt u per maand aan huur of hypotheek?')
      .getByRole('textbox')
      .fill('640');
    await waitSaved(page);

    // Close the tab mid-check, open a new one on the device: it starts locked.
    await page.close();
    page = await context.newPage();
    await page.goto(`${env.server.url}/check`);
    await unlockWithPin(page);
    const open = page.getByRole('list', { name: 'Nog bezig' });
    await expect.poll(() => open.getByRole('link').count()).toBe(1);
    expect(await open.textContent()).toContain('gebleven bij: Wonen');
    await open.getByRole('link').click();
    await page.waitForURL(new RegExp(`${checkPath}/wonen$`));
    expect(await page.getByLabel('Huurhuis van een woningcorporatie').isChecked()).toBe(true);
    expect(
      await question(page, 'Hoeveel betaalt u per maand aan huur of hypotheek?')
        .getByRole('textbox')
        .inputValue(),
    ).toBe('640');
    // Nothing lost on the first topic either.
    await page
      .getByRole('navigation', { name: 'Onderwerpen van de check' })
      .getByRole('link', { name: /^Inkomen/ })
      .click();
    await page.waitForURL(/\/inkomen$/);
    expect(await page.getByLabel('Leeftijd van Kind 2').inputValue()).toBe('13');
    expect(await page.getByLabel('Bijstand: netto per maand').inputValue()).toBe('1.450');
    expect(
      await question(page, 'Hoeveel spaargeld heeft het huishouden samen?')
        .getByRole('textbox')
        .inputValue(),
    ).toBe('250');
    expect(await page.getByLabel('Het is moeilijk').isChecked()).toBe(true);
    expect(
      await question(page, 'Heeft u schulden?')
        .getByRole('button', { name: 'Wil ik niet zeggen' })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    // The outcome, with reasons.
    await page
      .getByRole('navigation', { name: 'Onderwerpen van de check' })
      .getByRole('link', { name: 'Uitkomst' })
      .click();
    await page.waitForURL(/\/uitkomst$/);
    const dordtpas = page.getByRole('article', { name: /^Dordtpas/ });
    await dordtpas.waitFor();
    // Amounts come through Intl, which puts a no-break space after the euro sign.
    const dordtpasText = ((await dordtpas.textContent()) ?? '').replace(/\s/g, ' ');
    expect(dordtpasText).toContain('Waarschijnlijk recht');
    expect(dordtpasText).toContain('Woont in Dordrecht');
    expect(dordtpasText).toMatch(/140% van € [\d.]+,\d\d .*= € [\d.]+,\d\d per maand/);
    const sms = page.getByRole('article', { name: /SMS|Kindtegoed/ });
    const smsText = ((await sms.textContent()) ?? '').replace(/\s/g, ' ');
    expect(smsText).toContain('Waarschijnlijk recht');
    expect(smsText).toContain('€ 300');
    expect(await page.getByRole('link', { name: /^Maak signaal: / }).count()).toBeGreaterThan(0);

    // The resident's summary, printed.
    await page.getByRole('link', { name: 'Samenvatting voor de inwoner' }).click();
    await page.waitForURL(/\/samenvatting$/);
    const summary = page.getByTestId('resident-summary');
    await summary.waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print / bewaar als PDF' }).isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await summary.isVisible()).toBe(true);
    const printed = (await summary.innerText()) ?? '';
    expect(printed).toContain('Uw bestaanszekerheidscheck');
    expect(printed).toMatch(/Dordtpas/);
    expect(printed).toMatch(/Kindtegoed|SMS/);
    expect(printed).toContain('U heeft hier waarschijnlijk recht op.');
    expect(printed).not.toMatch(/1\.450|640|32 jaar/);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    await context.close();
    await env.server.start();
  });
});
