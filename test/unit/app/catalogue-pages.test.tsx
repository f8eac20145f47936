import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './render-app';
import { fixtureCatalogue } from '../../fixtures/catalogue';
import { fixtureWithRealDirectory } from '../helpers/real-directory';

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [false, () => {}],
    offlineReady: [false, () => {}],
    updateServiceWorker: async () => {},
  }),
}));

// No vitest globals, so Testing Library does not unmount by itself between tests.
afterEach(() => cleanup());

describe('Regelingen page', () => {
  it('searches as the worker types and keeps the query in the address', async () => {
    const { router } = renderApp('/regelingen');
    const input = await screen.findByLabelText('Zoeken');
    await userEvent.type(input, 'energ');
    const list = screen.getByRole('list', { name: 'Regelingen en hulp' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([expect.stringMatching(/^Energiehulp/)]);
    expect(router.state.location.search).toBe('?q=energ');
    expect(screen.getByText('1 regeling')).toHaveAttribute('role', 'status');
  });

  it('filters by fundament from the address and says when nothing matches', async () => {
    renderApp('/regelingen?fundament=wonen&q=dordtpas');
    expect(await screen.findByText(/Niets gevonden/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    expect(await screen.findByRole('link', { name: /^Dordtpas/ })).toBeInTheDocument();
  });

  it('opens a regeling with its conditions, how to apply and its source', async () => {
    renderApp('/regelingen/dordtpas');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dordtpas' })).toBeInTheDocument();
    expect(screen.getByText(/Voorwaarden nog niet bekend/)).toBeInTheDocument();
    expect(screen.getByText('Vraag het aan bij de gemeente.')).toBeInTheDocument();
    // The document's Dutch title sits in its own <bdi>, so the source is read from the list item.
    const source = screen
      .getAllByRole('listitem')
      .find((li) => /Uitvoeringsprogramma Bestaanszekerheid, L1–2/.test(li.textContent ?? ''));
    expect(source).toBeDefined();
  });

  it('says so when a regeling is not in the catalogue', async () => {
    renderApp('/regelingen/bestaat-niet');
    expect(await screen.findByText(/staat niet \(meer\) in de catalogus/)).toBeInTheDocument();
  });
});

describe('Sociale kaart', () => {
  const withDirectory = async () => ({ catalogue: fixtureWithRealDirectory(), stored: true });

  it('finds places by language and keeps the query in the address', async () => {
    const { router } = renderApp('/kaart', withDirectory);
    const input = await screen.findByLabelText('Zoek een plek');
    await userEvent.type(input, 'arabisch');
    expect(
      await screen.findByRole('heading', { name: 'Bibliotheek AanZet Crabbehof' }),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: /^Geldpraatje/ })).toBeVisible();
    expect(router.state.location.search).toBe('?q=arabisch');
  });

  it('orders by the chosen wijk and shows address, hours and the check date', async () => {
    const { container } = renderApp('/kaart?q=werk&wijk=wielwijk', withDirectory);
    const heading = await screen.findByRole('heading', {
      name: 'Leerpraktijkcentrum het Waterwiel',
    });
    const card = heading.closest('li')!;
    expect(container.querySelector('[data-place]')).toBe(card);
    expect(within(card).getByText(/Het Waterwiel, Admiraalsplein/)).toBeVisible();
    expect(within(card).getByText('In de wijk')).toBeVisible();
    expect(within(card).getByText('Gecontroleerd op 30 november 2026')).toBeVisible();
  });

  it('prints a referral slip in the resident’s language with the place’s facts in Dutch', async () => {
    renderApp('/kaart/juridisch-loket/verwijsbriefje?taal=ar', withDirectory);
    const slip = await screen.findByTestId('referral-slip');
    expect(within(slip).getByRole('heading', { level: 1 })).toHaveTextContent('ورقة الإحالة');
    expect(slip).toHaveAttribute('dir', 'rtl');
    expect(within(slip).getByText(/0900-8020/)).toHaveAttribute('lang', 'nl');
    expect(within(slip).getByText('Alle brieven en formulieren over de vraag')).toBeVisible();
    // Without a signed-in worker nobody is named; nothing about the resident is ever on it.
    expect(within(slip).queryByText(/أحالك/)).toBeNull();
  });

  it('proposes help with applying near the chosen wijk on a regeling', async () => {
    renderApp('/regelingen/dordtpas?wijk=crabbehof', withDirectory);
    expect(
      await screen.findByRole('heading', { name: 'Hulp bij aanvragen, dichtbij' }),
    ).toBeVisible();
    const ido = await screen.findByRole('heading', { name: /Informatiepunt Digitale Overheid/ });
    expect(within(ido.closest('li')!).getByText('In de wijk')).toBeVisible();
  });
});

describe('Wijken and programmes', () => {
  it('shows a wijk with its parent and the regelingen aimed at it', async () => {
    renderApp('/wijken/zuidhoven');
    expect(await screen.findByRole('heading', { level: 1, name: 'Zuidhoven' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Crabbehof' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Energiehulp' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dordtpas' })).not.toBeInTheDocument();
  });

  it('lists programmes and indicators', async () => {
    renderApp('/cijfers');
    expect(await screen.findByRole('rowheader', { name: /Bereik Dordtpas/ })).toBeInTheDocument();
    expect(screen.getByText('Dordrecht 2023: 50')).toBeInTheDocument();
  });
});

describe('catalogue loading', () => {
  it('offers a retry when the catalogue cannot be loaded, and recovers', async () => {
    let attempts = 0;
    renderApp('/', async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return { catalogue: fixtureCatalogue(), stored: true };
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('link', { name: /^Inkomen/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).not.toBeInTheDocument();
  });

  it('shows the start page and its search field before the catalogue is ready (issue 11: a fast first screen)', async () => {
    // A loader that never answers: a slow tablet still reading and checking its catalogue.
    const { router } = renderApp('/', () => new Promise(() => {}));
    const field = await screen.findByRole('searchbox', { name: 'Zoek een regeling' });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Waar kan ik mee helpen?' }),
    ).toBeVisible();
    // Only the catalogue's own part of the page waits for it.
    expect(screen.getByText('Even geduld…')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('link', { name: /^Inkomen/ })).not.toBeInTheDocument();
    // The worker can type and search meanwhile; the regelingen page waits for the catalogue.
    await userEvent.type(field, 'huur{Enter}');
    expect(router.state.location.pathname).toBe('/regelingen');
    expect(router.state.location.search).toContain('q=huur');
    expect(await screen.findByText('Even geduld…')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('searchbox', { name: 'Zoek een regeling' })).not.toBeInTheDocument();
  });
});
