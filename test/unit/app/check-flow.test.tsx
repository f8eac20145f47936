import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { shippedRulesVersion } from '../../../src/domain/eligibility/shipped-rules';
import { resetVault } from '../../../src/data/crypto/vault';
import { roleSchema } from '../../../src/domain/sync/roles';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { META_SESSION } from '../../../src/data/sync/session-store';
import { flushPendingAnswers, getCheck, saveAnswer } from '../../../src/data/repositories/checks';
import { startCheck } from '../../../src/data/repositories/check-start';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { renderApp } from './render-app';
import { fixtureWithRealDirectory } from '../helpers/real-directory';

// Lazy routes load their chunks and translations first; on a loaded 2-core machine that passes 1 s.
configure({ asyncUtilTimeout: 10_000 });

let database: DichtbijDb;
let n = 0;

beforeEach(async () => {
  database = new DichtbijDb(`check-app-${n++}`);
  useDb(database);
  await unlockVaultFor(database);
  await signIn('vrijwilliger');
});
afterEach(async () => {
  await flushPendingAnswers().catch(() => undefined);
  vi.restoreAllMocks();
  resetVault();
  await database.delete();
});

/** A synthetic session, as the sync client stores it after a login. */
async function signIn(role: string): Promise<void> {
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'u-test',
        role,
        teamId: null,
        organisationId: null,
        wijken: ['wielwijk'],
        email: 'test@example.invalid',
        name: 'Test',
      },
      deviceId: 'd1',
      needsLogin: false,
    },
  });
  // As after a real sign-in: tokens in memory (the refresh token sealed once a vault exists).
  await keepSecrets(
    database,
    {
      accessToken: 'test-access-token',
      accessExpiresAt: '2099-01-01T00:00:00.000Z',
      refreshToken: 'test-refresh-token-long-enough',
      refreshExpiresAt: '2099-01-01T00:00:00.000Z',
    },
    roleSchema.parse(role),
  );
}

/** Opens a regeling's row, as a worker taps it. */
async function openRow(user: ReturnType<typeof userEvent.setup>, row: HTMLElement): Promise<void> {
  const summary = row.querySelector('summary');
  if (!summary) throw new Error('the row has no summary');
  await user.click(summary);
  const details = summary.parentElement as HTMLDetailsElement;
  // jsdom may not toggle <details> on a click; the browser does (the e2e tests cover that).
  if (!details.open) details.open = true;
}

function question(label: string): HTMLElement {
  return screen.getByRole('group', { name: label });
}

async function answers(id: string) {
  return (await getCheck(id, database))!.data.answers.answers;
}

/** A single parent with two children on bijstand, in Dordrecht (synthetic). */
async function singleParentCheck(): Promise<string> {
  const id = await startCheck({ variant: 'short', consentGiven: true, wijk: 'wielwijk' }, database);
  await saveAnswer(id, 'woonplaats', { status: 'answered', value: 'dordrecht' }, database);
  await saveAnswer(
    id,
    'huishouden',
    {
      status: 'answered',
      value: [
        { id: 'm1', role: 'aanvrager', age: 34 },
        { id: 'm2', role: 'kind', age: 6 },
        { id: 'm3', role: 'kind', age: 13 },
      ],
    },
    database,
  );
  await saveAnswer(
    id,
    'inkomen-aanvrager',
    { status: 'answered', value: [{ type: 'bijstand', netMonthly: 1450 }] },
    database,
  );
  await saveAnswer(id, 'vermogen', { status: 'answered', value: 300 }, database);
  await saveAnswer(id, 'rondkomen', { status: 'answered', value: 'moeilijk' }, database);
  await saveAnswer(id, 'schulden', { status: 'declined' }, database);
  return id;
}

// No vitest globals, so Testing Library does not unmount by itself between tests.
afterEach(() => cleanup());

describe('starting a check', () => {
  it('asks consent first and starts the short check for a volunteer', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/check/nieuw');
    expect(await screen.findByRole('heading', { name: 'Eerst toestemming vragen' })).toBeVisible();
    expect(screen.getByText(/U mag altijd stoppen/)).toBeVisible();
    expect(screen.getByText(/Uw naam en adres schrijven we niet op/)).toBeVisible();
    expect(await screen.findByText('U doet de Korte check: geld en regelingen.')).toBeVisible();
    const start = screen.getByRole('button', { name: 'Start de check' });
    expect(start).toBeDisabled();
    await user.click(
      screen.getByLabelText('De inwoner geeft toestemming om de antwoorden te bewaren.'),
    );
    await user.click(start);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inkomen' })).toBeVisible();
    const id = router.state.location.pathname.split('/')[2]!;
    expect(router.state.location.pathname).toBe(`/check/${id}/inkomen`);
    const check = (await getCheck(id, database))!;
    expect(check.data.answers.variant).toBe('short');
    expect(check.data.answers.consent.given).toBe(true);
    expect(check.wijk).toBe('wielwijk');
  });

  it('offers the full check to a wijkteam worker', async () => {
    await signIn('wijkteam');
    renderApp('/check/nieuw');
    expect(
      await screen.findByRole('radio', { name: 'Volledige check: alle onderwerpen' }),
    ).toBeChecked();
  });
});

describe('answering', () => {
  it('shows zod messages at the field and saves nothing wrong', async () => {
    const user = userEvent.setup();
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    renderApp(`/check/${id}/inkomen`);
    const savings = within(
      await screen.findByRole('group', { name: 'Hoeveel spaargeld heeft het huishouden samen?' }),
    ).getByRole('textbox');

    await user.type(savings, 'veel');
    expect(savings).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(question('Hoeveel spaargeld heeft het huishouden samen?')).getByRole('alert'),
    ).toHaveTextContent('Vul een getal in.');
    await user.clear(savings);
    await user.type(savings, '-50');
    await user.tab();
    expect(
      within(question('Hoeveel spaargeld heeft het huishouden samen?')).getByRole('alert'),
    ).toHaveTextContent('Vul een bedrag van 0 of meer in.');
    await flushPendingAnswers();
    expect((await answers(id)).vermogen).toBeUndefined();

    await user.clear(savings);
    await user.type(savings, '1.234,50');
    await user.tab();
    expect(savings).not.toHaveAttribute('aria-invalid', 'true');
    await waitFor(async () =>
      expect((await answers(id)).vermogen).toEqual({ status: 'answered', value: 1234.5 }),
    );
    expect(await screen.findByText('Bewaard op dit apparaat.')).toBeVisible();
  });

  it('checks ages in the household and adds the partner question by skip logic', async () => {
    const user = userEvent.setup();
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    renderApp(`/check/${id}/inkomen`);
    const own = await screen.findByLabelText('Leeftijd van Uzelf');
    await user.type(own, '150');
    await user.tab();
    expect(screen.getByText(/Vul een leeftijd in tussen 0 en 120 jaar\./)).toBeVisible();
    await user.clear(own);
    await user.type(own, '4,5');
    await user.tab();
    expect(screen.getByText(/Vul de leeftijd in hele jaren in\./)).toBeVisible();
    await flushPendingAnswers();
    // Neither wrong age is stored. (The empty field between them may be: under load the save
    // that follows `clear` can fire before the next keystroke, and a member without an age is fine.)
    const household = (await answers(id)).huishouden as
      { value: readonly { age?: number }[] } | undefined;
    expect(household?.value.map((m) => m.age).filter((a) => a !== undefined) ?? []).toEqual([]);

    await user.clear(own);
    await user.type(own, '41');
    expect(screen.queryByRole('group', { name: 'Welk inkomen heeft uw partner?' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '+ Partner' }));
    await user.type(screen.getByLabelText('Leeftijd van Partner'), '39');
    await user.tab();
    expect(screen.getByRole('group', { name: 'Welk inkomen heeft uw partner?' })).toBeVisible();
    await waitFor(async () =>
      expect((await answers(id)).huishouden).toEqual({
        status: 'answered',
        value: [
          { id: 'm1', role: 'aanvrager', age: 41 },
          { id: 'm2', role: 'partner', age: 39 },
        ],
      }),
    );
  });

  it('records income with Dutch amounts, "wil ik niet zeggen" and "weet ik niet"', async () => {
    const user = userEvent.setup();
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    renderApp(`/check/${id}/inkomen`);
    const income = await screen.findByRole('group', { name: 'Welk inkomen heeft u zelf?' });
    await user.selectOptions(within(income).getByLabelText('Inkomen toevoegen'), 'loon');
    await user.type(within(income).getByLabelText('Loon uit werk: netto per maand'), '1.180');
    await user.tab();

    const debts = question('Heeft u schulden?');
    await user.click(within(debts).getByRole('button', { name: 'Wil ik niet zeggen' }));
    expect(within(debts).getByText('De inwoner wil dit niet zeggen. Dat is goed.')).toBeVisible();
    const savings = question('Hoeveel spaargeld heeft het huishouden samen?');
    await user.click(within(savings).getByRole('button', { name: 'Weet ik niet' }));
    await user.click(within(question('In welke gemeente woont u?')).getByLabelText('Dordrecht'));

    await waitFor(async () =>
      expect(await answers(id)).toMatchObject({
        'inkomen-aanvrager': { status: 'answered', value: [{ type: 'loon', netMonthly: 1180 }] },
        schulden: { status: 'declined' },
        vermogen: { status: 'unknown' },
        woonplaats: { status: 'answered', value: 'dordrecht' },
      }),
    );
  });
});

describe('pause and resume', () => {
  it('keeps the last keystroke when the page goes away and resumes at the last topic', async () => {
    const user = userEvent.setup();
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    const first = renderApp(`/check/${id}/wonen`);
    const rent = await screen.findByRole('radio', { name: 'Huurhuis van een woningcorporatie' });
    await user.click(rent);
    const amount = within(
      await screen.findByRole('group', {
        name: 'Hoeveel betaalt u per maand aan huur of hypotheek?',
      }),
    ).getByRole('textbox');
    await user.type(amount, '712,40');
    // The tab closes within the debounce window: unmounting flushes what was typed.
    first.unmount();
    await waitFor(async () =>
      expect((await answers(id)).woonlasten).toEqual({ status: 'answered', value: 712.4 }),
    );

    renderApp('/check');
    const open = await screen.findByRole('list', { name: 'Nog bezig' });
    expect(within(open).getByText(/gebleven bij: Wonen/)).toBeVisible();
    await user.click(within(open).getByRole('link'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Wonen' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Huurhuis van een woningcorporatie' })).toBeChecked();
    expect(
      within(question('Hoeveel betaalt u per maand aan huur of hypotheek?')).getByRole('textbox'),
    ).toHaveValue('712,4');
    const nav = screen.getByRole('navigation', { name: 'Onderwerpen van de check' });
    expect(within(nav).getByRole('link', { name: /Wonen/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

describe('the outcome', () => {
  it('lists Dordtpas and SMS-Kinderfonds as rows whose reasons fold open, with thresholds and one-tap referrals', async () => {
    const user = userEvent.setup();
    const id = await singleParentCheck();
    renderApp(`/check/${id}/uitkomst`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Uitkomst van de check' }),
    ).toBeVisible();
    // The "first check, not a decision" notice once, not per regeling.
    expect(screen.getAllByText(/Dit is een eerste check, geen besluit\./)).toHaveLength(1);

    const dordtpas = await screen.findByRole('article', { name: /^Dordtpas/ });
    expect(within(dordtpas).getByText('Waarschijnlijk recht')).toBeVisible();
    // The reasons are folded away until the worker opens the row.
    expect(within(dordtpas).getByText('Woont in Dordrecht')).not.toBeVisible();
    await openRow(user, dordtpas);
    expect(within(dordtpas).getByText('Woont in Dordrecht')).toBeVisible();
    expect(
      within(dordtpas).getAllByText(/140% van € 1\.\d{3},\d\d .* per maand/).length,
    ).toBeGreaterThan(0);
    expect(within(dordtpas).getAllByText('Drempel niet bevestigd').length).toBeGreaterThan(0);
    expect(within(dordtpas).getByRole('heading', { name: 'Zo vraagt u het aan' })).toBeVisible();

    const sms = screen.getByRole('article', { name: /Kindtegoed|SMS/ });
    expect(within(sms).getByText('Waarschijnlijk recht')).toBeVisible();
    await openRow(user, sms);
    expect(within(sms).getAllByText(/€ 300/).length).toBeGreaterThan(0);

    const budget = screen.getByRole('link', { name: /^Maak signaal: Budgetcoach/ });
    expect(budget.getAttribute('href')).toMatch(
      new RegExp(`^/signalen/nieuw\\?categorie=geldzorgen-schulden&wijk=wielwijk&check=${id}$`),
    );
    expect(
      screen.getByRole('heading', { name: 'Warme overdracht naar de Sociale Dienst' }),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Wilde de inwoner niet zeggen' })).toBeVisible();
  });

  it('proposes the Dordt West places from the sociale kaart for a Crabbehof resident with debts and a work wish', async () => {
    const id = await startCheck(
      { variant: 'full', consentGiven: true, wijk: 'crabbehof' },
      database,
    );
    await saveAnswer(id, 'woonplaats', { status: 'answered', value: 'dordrecht' }, database);
    await saveAnswer(id, 'schulden', { status: 'answered', value: 'ja' }, database);
    await saveAnswer(id, 'werk-wens', { status: 'answered', value: 'ja' }, database);
    renderApp(`/check/${id}/uitkomst`, async () => ({
      catalogue: fixtureWithRealDirectory(),
      stored: true,
    }));
    const werk = await screen.findByRole('link', { name: /^Maak signaal: .*Werkcentrum/ });
    const werkItem = werk.closest('li')!;
    const werkPlaces = [...werkItem.querySelectorAll('[data-place]')].map((e) =>
      e.getAttribute('data-place'),
    );
    // Dordt West's own work offers before the city-wide ones; the Werkcentrum (in development) last.
    expect(werkPlaces.slice(0, 3)).toEqual(
      expect.arrayContaining([
        'leerpraktijkcentrum-waterwiel',
        'toekomstmakelaar',
        'sdd-team-dordt-west',
      ]),
    );
    expect(werkPlaces.at(-1)).toBe('werkcentrum-drechtsteden');
    const waterwiel = werkItem.querySelector<HTMLElement>(
      '[data-place="leerpraktijkcentrum-waterwiel"]',
    )!;
    expect(within(waterwiel).getByText(/Het Waterwiel, Admiraalsplein/)).toBeInTheDocument();
    expect(within(waterwiel).getByText('Dordt West')).toBeInTheDocument();
    expect(within(waterwiel).getByText('Gecontroleerd op 30 november 2026')).toBeInTheDocument();
    const werkcentrum = werkItem.querySelector<HTMLElement>(
      '[data-place="werkcentrum-drechtsteden"]',
    )!;
    expect(within(werkcentrum).getByText('In ontwikkeling: nog niet open')).toBeInTheDocument();

    const schulden = screen
      .getByRole('link', { name: /^Maak signaal: .*[Ss]chuldhulp/ })
      .closest('li')!;
    const schuldPlaces = [...schulden.querySelectorAll('[data-place]')].map((e) =>
      e.getAttribute('data-place'),
    );
    expect(schuldPlaces.slice(0, 2)).toEqual(['sdd-team-dordt-west', 'uitvoeringsbrigade']);
    const sdd = schulden.querySelector<HTMLElement>('[data-place="sociale-dienst-drechtsteden"]')!;
    expect(within(sdd).getAllByText(/Werkdagen 9\.00–17\.00 uur/).length).toBeGreaterThan(0);
  });

  it('marks a misschien with what is still unknown, linking back to the question', async () => {
    const user = userEvent.setup();
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    await saveAnswer(id, 'woonplaats', { status: 'answered', value: 'dordrecht' }, database);
    renderApp(`/check/${id}/uitkomst`);
    const dordtpas = await screen.findByRole('article', { name: /^Dordtpas/ });
    expect(within(dordtpas).getByText('Misschien — nog uitzoeken')).toBeVisible();
    await openRow(user, dordtpas);
    expect(within(dordtpas).getByText('Nog uitzoeken:')).toBeVisible();
    expect(
      within(dordtpas).getByRole('link', { name: 'Wie horen er bij uw huishouden?' }),
    ).toHaveAttribute('href', `/check/${id}/inkomen`);
  });

  it('completes the check', async () => {
    const user = userEvent.setup();
    const id = await singleParentCheck();
    renderApp(`/check/${id}/uitkomst`);
    await user.click(await screen.findByRole('button', { name: 'Check afronden' }));
    expect(await screen.findByText('Deze check is afgerond.')).toBeVisible();
    const done = (await getCheck(id, database))!;
    expect(done.status).toBe('afgerond');
    // The outcome keeps the rules version and peildatum it was computed with, and its verdicts.
    expect(done.data.computedWith).toMatchObject({
      rulesVersionId: shippedRulesVersion.id,
      rulesVersionLabel: shippedRulesVersion.label,
    });
    expect(done.data.computedWith?.verdicts).toContainEqual(
      expect.objectContaining({ regeling: 'dordtpas', status: 'waarschijnlijk-recht' }),
    );
    // The basis line is drawn again from the stored check once it is completed.
    await waitFor(() =>
      expect(screen.getByTestId('rules-basis')).toHaveTextContent(
        `${shippedRulesVersion.label} (meegeleverd met de app)`,
      ),
    );
  });
});

describe('the resident summary', () => {
  it('prints without household figures, in a language chosen apart from the app', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const id = await singleParentCheck();
    renderApp(`/check/${id}/samenvatting`);
    const summary = await screen.findByTestId('resident-summary');
    expect(within(summary).getByRole('heading', { level: 1 })).toHaveTextContent(
      'Uw bestaanszekerheidscheck',
    );
    expect(within(summary).getByRole('heading', { name: /^Dordtpas/ })).toBeVisible();
    expect(
      within(summary).getAllByText('U heeft hier waarschijnlijk recht op.').length,
    ).toBeGreaterThan(0);
    expect(
      within(summary).getByText('U heeft 1 vraag niet beantwoord. Dat is goed.'),
    ).toBeVisible();
    // No income, savings or ages of the household, and no thresholds computed from them.
    const text = summary.textContent ?? '';
    expect(text).not.toMatch(/1\.450|1450|34 jaar|13 jaar|wielwijk|Wielwijk|per maand \(/);
    await user.click(screen.getByRole('button', { name: 'Print / bewaar als PDF' }));
    expect(print).toHaveBeenCalledTimes(1);

    await user.selectOptions(screen.getByLabelText('Taal van de samenvatting'), 'en');
    // English texts load when first asked for; the summary is drawn anew once they are there.
    const current = () => screen.getByTestId('resident-summary');
    await waitFor(() =>
      expect(within(current()).getByRole('heading', { level: 1 })).toHaveTextContent(
        'Your financial security check',
      ),
    );
    expect(current()).toHaveAttribute('lang', 'en');
    // The app itself stays Dutch.
    expect(screen.getByRole('link', { name: /Terug naar de uitkomst/ })).toBeVisible();

    await user.selectOptions(screen.getByLabelText('Taal van de samenvatting'), 'ar');
    await waitFor(() =>
      expect(within(current()).getByRole('heading', { level: 1 })).toHaveTextContent(
        'فحص الأمان المعيشي الخاص بك',
      ),
    );
    expect(current()).toHaveAttribute('lang', 'ar');
    expect(current()).toHaveAttribute('dir', 'rtl');
    vi.unstubAllGlobals();
  });
});
