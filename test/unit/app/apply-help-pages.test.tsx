import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { regelingSchema, type Catalogue } from '../../../src/domain/catalogue/schema';
import { renderApp } from './render-app';
import { fixtureWithRealDirectory } from '../helpers/real-directory';

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [false, () => {}],
    offlineReady: [false, () => {}],
    updateServiceWorker: async () => {},
  }),
}));

const read = (relative: string) =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as unknown;
const regelingen = z
  .array(regelingSchema)
  .parse(read('../../../src/domain/catalogue/data/regelingen.json'));

/** The fixture catalogue with the real regelingen and sociale kaart. */
function realCatalogue(): Catalogue {
  return { ...fixtureWithRealDirectory(), regelingen };
}
const load = async () => ({ catalogue: realCatalogue(), stored: true });

// No vitest globals, so Testing Library does not unmount by itself: a screen left mounted kept
// rendering after the file's jsdom was gone ("window is not defined" in one CI run).
afterEach(() => cleanup());

describe('the checklist for applying', () => {
  it('shows what to bring, how and where from the catalogue, and "unknown" where unknown', async () => {
    renderApp(
      '/checklist?regeling=bijzondere-bijstand&regeling=zorgtoeslag&regeling=kansrijke-start',
      load,
    );
    const list = await screen.findByTestId('application-checklist');
    const section = (name: string) =>
      within(list).getByRole('heading', { level: 2, name }).closest('section')!;

    const bb = regelingen.find((r) => r.id === 'bijzondere-bijstand')!;
    const bijzondere = section(bb.name);
    for (const d of bb.documents) expect(bijzondere).toHaveTextContent(d);
    for (const step of bb.howToApply) expect(bijzondere).toHaveTextContent(step);
    // The SDD's counter: its hours from the kaart, its address unknown (never guessed).
    expect(bijzondere).toHaveTextContent('Sociale Dienst Drechtsteden');
    expect(bijzondere).toHaveTextContent(/Openingstijden\s*Werkdagen 9\.00–17\.00 uur/);
    expect(bijzondere).toHaveTextContent(/Adres\s*onbekend/);
    expect(bijzondere).toHaveTextContent(/Gecontroleerd op/);
    expect(bijzondere).toHaveTextContent('www.socialedienstdrechtsteden.nl');

    expect(section('Zorgtoeslag')).toHaveTextContent(
      'De catalogus noemt geen loket met een adres voor deze regeling.',
    );
    const kansrijk = section(regelingen.find((r) => r.id === 'kansrijke-start')!.name);
    expect(kansrijk).toHaveTextContent('De bronnen noemen niet wat u mee moet nemen.');
    expect(kansrijk).toHaveTextContent(/De catalogus noemt geen adres of openingstijden van /);
  });
});

describe('life events', () => {
  it('lists the eight events and shows one with its changes, deadlines and the way into the check', async () => {
    const { router } = renderApp('/gebeurtenissen', load);
    const tiles = await screen.findByTestId('life-events');
    expect(within(tiles).getAllByRole('link')).toHaveLength(8);
    await userEvent.click(within(tiles).getByRole('link', { name: 'Met pensioen of AOW' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Met pensioen of AOW' }),
    ).toBeInTheDocument();
    expect(screen.getByText('De AOW-leeftijd is 67 jaar (in 2026 en 2027).')).toBeInTheDocument();
    expect(
      screen.getAllByText('Binnen 4 weken doorgeven aan de Belastingdienst/Toeslagen.'),
    ).not.toHaveLength(0);
    expect(screen.getAllByText('De bronnen noemen geen termijn.')).not.toHaveLength(0);
    const start = screen.getByRole('link', { name: 'Begin de check met deze vragen' });
    expect(start).toHaveAttribute('href', '/check/nieuw?gebeurtenis=met-pensioen');
    expect(router.state.location.pathname).toBe('/gebeurtenissen/met-pensioen');
  });

  it('says so for an event that does not exist', async () => {
    renderApp('/gebeurtenissen/loterij-gewonnen', load);
    expect(await screen.findByText('Deze gebeurtenis bestaat niet.')).toBeInTheDocument();
  });
});
