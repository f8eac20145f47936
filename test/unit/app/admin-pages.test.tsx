import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { META_SESSION, META_STATUS } from '../../../src/data/sync/session-store';
import { renderApp } from './render-app';
import { fixtureWithRealDirectory } from '../helpers/real-directory';

let database: DichtbijDb;
let n = 0;

type Role = 'vrijwilliger' | 'beheerder';

/** A synthetic signed-in user, as the sync client stores her after login. */
async function signIn(role: Role) {
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: `demo-${role}`,
        email: `${role}@demo.dichtbij`,
        name: role === 'beheerder' ? 'Bea Beheer' : 'Vera Vrijwilliger',
        role,
        teamId: role === 'beheerder' ? null : 'team-geldpraatje',
        organisationId: null,
        wijken: role === 'beheerder' ? [] : ['crabbehof'],
      },
      deviceId: 'device-beheer-1',
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
    role,
  );
}

const USERS = [
  {
    id: 'demo-beheerder',
    email: 'beheerder@demo.dichtbij',
    name: 'Bea Beheer',
    role: 'beheerder',
    teamId: null,
    organisationId: null,
    wijken: [],
  },
  {
    id: 'demo-vrijwilliger',
    email: 'vrijwilliger@demo.dichtbij',
    name: 'Vera Vrijwilliger',
    role: 'vrijwilliger',
    teamId: 'team-geldpraatje',
    organisationId: null,
    wijken: ['crabbehof'],
  },
];

const DEVICE = {
  id: 'device-vera-1',
  userId: 'demo-vrijwilliger',
  createdAt: '2026-11-20T09:00:00.000Z',
  lastSeenAt: '2026-11-23T10:00:00.000Z',
  revokedAt: null,
  lostAt: null as string | null,
};

function entry(id: number) {
  return {
    id,
    at: '2026-11-23T10:00:00.000Z',
    userId: 'demo-vrijwilliger',
    role: 'vrijwilliger',
    deviceId: 'device-vera-1',
    entityType: 'signal',
    entityId: `sig-${id}`,
    action: 'create',
  };
}

interface Request {
  method: string;
  url: URL;
  body: unknown;
}

/** A scripted server behind fetch: the admin client's real code path, minus the network. */
function fakeServer(answer: (r: Request) => { status?: number; body: unknown } | undefined) {
  const requests: Request[] = [];
  const fetchFake = vi.fn(async (input: string, init?: RequestInit) => {
    const request: Request = {
      method: init?.method ?? 'GET',
      url: new URL(input, 'http://localhost'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    // The header's reachability ping is no admin request: only those are counted.
    if (request.url.pathname !== '/api/health') requests.push(request);
    const reply = answer(request) ?? { status: 404, body: { error: 'notFound', message: 'x' } };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchFake);
  return requests;
}

/** The usual answers; a test overrides what it is about. */
function adminServer(
  overrides: (r: Request) => { status?: number; body: unknown } | undefined = () => undefined,
) {
  const device = { ...DEVICE };
  const requests = fakeServer((r) => {
    const own = overrides(r);
    if (own) return own;
    const key = `${r.method} ${r.url.pathname}`;
    if (key === 'GET /api/admin/users') return { body: { users: USERS } };
    if (key === 'PATCH /api/admin/users/demo-vrijwilliger') return { body: { ok: true } };
    if (key === 'GET /api/admin/devices') return { body: { devices: [device] } };
    if (key === 'POST /api/admin/devices/device-vera-1/lost') {
      device.lostAt = '2026-11-23T11:00:00.000Z';
      return { body: { ok: true } };
    }
    if (key === 'GET /api/admin/audit') return { body: { entries: [], nextBefore: null } };
    if (key === 'GET /api/catalogue')
      return {
        body: {
          version: 'a1b2c3d4e5f60708',
          publishedAt: '2026-11-01T09:00:00.000Z',
          catalogue: null,
        },
      };
    return undefined;
  });
  return requests;
}

beforeEach(async () => {
  database = new DichtbijDb(`admin-app-${n++}`);
  useDb(database);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  database.close();
  await database.delete();
});

describe('beheer', () => {
  it('is only for beheerders: another role sees why, no menu entry and no request is made', async () => {
    await signIn('vrijwilliger');
    const requests = adminServer();
    renderApp('/beheer/gebruikers');
    expect(await screen.findByText('Alleen voor beheerders.')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(menu).queryByRole('link', { name: 'Beheer' })).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('lists users with role, team and wijken, and saves a new role and wijken in one change', async () => {
    await signIn('beheerder');
    const requests = adminServer();
    const user = userEvent.setup();
    renderApp('/beheer');
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Beheer' })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'Vera Vrijwilliger' })).closest('tr')!;
    expect(row).toHaveTextContent('Vrijwilliger Geldpraatje');
    expect(row).toHaveTextContent('team-geldpraatje');
    expect(row).toHaveTextContent('Crabbehof');
    // The rows and the wijk checkboxes are NL Design System (Utrecht) components.
    expect(row).toHaveClass('utrecht-table__row');
    expect(within(row).getAllByRole('cell')[0]).toHaveClass('utrecht-table__cell');

    await user.click(within(row).getByRole('link', { name: 'Vera Vrijwilliger' }));
    expect(await screen.findByRole('heading', { name: 'Vera Vrijwilliger' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Rol'), 'Sociaal wijkteam');
    await user.clear(screen.getByLabelText('Team'));
    await user.type(screen.getByLabelText('Team'), 'team-wijkteam-west');
    expect(screen.getByLabelText('Sterrenburg')).toHaveClass('utrecht-checkbox');
    expect(
      screen.getByRole('group', { name: 'Wijken' }).closest('.utrecht-form-fieldset'),
    ).not.toBeNull();
    await user.click(screen.getByLabelText('Sterrenburg'));
    await user.click(screen.getByLabelText('Crabbehof'));
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText(/^Opgeslagen\./)).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/admin/users/demo-vrijwilliger');
    expect(patch?.body).toEqual({
      role: 'wijkteam',
      teamId: 'team-wijkteam-west',
      wijken: ['sterrenburg'],
    });
  });

  it('marks a device lost only after a clear confirmation', async () => {
    await signIn('beheerder');
    const requests = adminServer();
    const user = userEvent.setup();
    renderApp('/beheer/gebruikers/demo-vrijwilliger');
    const devices = await screen.findByTestId('admin-devices');
    expect(requests.find((r) => r.url.pathname === '/api/admin/devices')?.url.search).toBe(
      '?userId=demo-vrijwilliger',
    );
    expect(within(devices).getByText('In gebruik')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Apparaat device-vera-1 kwijt melden' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent(
      'Dit apparaat wist bij het volgende contact alle persoonsgegevens, ook wat nog niet verstuurd is.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Apparaat device-vera-1 kwijt melden' }));
    await user.click(screen.getByRole('button', { name: 'Ja, kwijt melden' }));
    expect(await screen.findByText(/^Het apparaat is kwijt gemeld\./)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual([
      '/api/admin/devices/device-vera-1/lost',
    ]);
    await waitFor(() => expect(devices).toHaveTextContent('Kwijt gemeld op'));
    expect(
      screen.queryByRole('button', { name: 'Apparaat device-vera-1 kwijt melden' }),
    ).not.toBeInTheDocument();
  });

  it('reads the audit log with filters and pages to older entries', async () => {
    await signIn('beheerder');
    const requests = adminServer((r) => {
      if (r.url.pathname !== '/api/admin/audit') return undefined;
      const before = r.url.searchParams.get('before');
      return before === null
        ? { body: { entries: [entry(3), entry(2)], nextBefore: 2 } }
        : { body: { entries: [entry(1)], nextBefore: null } };
    });
    const user = userEvent.setup();
    const { router } = renderApp('/beheer/audit');
    const table = await screen.findByTestId('audit-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('sig-3');
    await waitFor(() => expect(table).toHaveTextContent('Vera Vrijwilliger'));

    await user.selectOptions(screen.getByLabelText('Gebruiker'), 'Vera Vrijwilliger');
    await user.selectOptions(screen.getByLabelText('Soort record'), 'Signaal');
    await user.type(screen.getByLabelText('Recordnummer'), 'sig-3');
    await user.selectOptions(screen.getByLabelText('Actie'), 'Gemaakt');
    await user.type(screen.getByLabelText('Van'), '2026-11-01');
    await user.type(screen.getByLabelText('Tot en met'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?gebruiker=demo-vrijwilliger&soort=signal&record=sig-3&actie=create&van=2026-11-01&tot=2026-11-30',
      ),
    );
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/admin/audit').at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toMatchObject({
        userId: 'demo-vrijwilliger',
        entityType: 'signal',
        entityId: 'sig-3',
        action: 'create',
        from: new Date('2026-11-01T00:00:00').toISOString(),
        to: new Date('2026-12-01T00:00:00').toISOString(),
        limit: '50',
      });
    });

    await user.click(await screen.findByRole('button', { name: 'Oudere regels' }));
    await waitFor(() => expect(screen.getByTestId('audit-table')).toHaveTextContent('sig-1'));
    const last = requests.filter((r) => r.url.pathname === '/api/admin/audit').at(-1)!;
    expect(last.url.searchParams.get('before')).toBe('2');
    expect(last.url.searchParams.get('userId')).toBe('demo-vrijwilliger');
    expect(screen.queryByRole('button', { name: 'Oudere regels' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Naar de nieuwste regels' }));
    await waitFor(() => expect(screen.getByTestId('audit-table')).toHaveTextContent('sig-3'));
  });

  it("shows the catalogue version and the server's reasons for refusing a new one", async () => {
    await signIn('beheerder');
    const requests = adminServer((r) =>
      r.method === 'POST' && r.url.pathname === '/api/catalogue'
        ? {
            status: 400,
            body: {
              error: 'catalogueInvalid',
              message: 'The catalogue is not valid; nothing was published.',
              details: [
                'regelingen.json: record [2] (id "dordtpas") field links[0].url: Invalid URL',
                'wijken.json: id "wielwijk" field programmes: "npdw" is not an id in programmes.json',
                'indicators.json: file is missing',
              ],
            },
          }
        : undefined,
    );
    const user = userEvent.setup();
    renderApp('/beheer/catalogus');
    expect(await screen.findByTestId('catalogue-version')).toHaveTextContent('a1b2c3d4e5f60708');
    const input = screen.getByLabelText('Catalogusbestand (JSON)');
    const publish = screen.getByRole('button', { name: 'Publiceren' });
    expect(publish).toBeDisabled();

    await user.upload(input, new File(['{ not json'], 'kapot.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'kapot.json is geen geldig JSON-bestand.',
    );
    expect(publish).toBeDisabled();

    const body = { version: 'x', fundamenten: [] };
    await user.upload(
      input,
      new File([JSON.stringify(body)], 'catalogus.json', { type: 'application/json' }),
    );
    await waitFor(() => expect(publish).toBeEnabled());
    await user.click(publish);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De catalogus is niet gepubliceerd');
    expect(alert).toHaveTextContent('De server vond 3 problemen:');
    const rows = within(screen.getByTestId('catalogue-problems')).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['regelingen.json', 'dordtpas', 'links[0].url', 'Invalid URL'],
      ['wijken.json', 'wielwijk', 'programmes', '"npdw" bestaat niet in programmes.json.'],
      ['indicators.json', '—', '—', 'Dit deel ontbreekt in het bestand.'],
    ]);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual(body);
  });

  it('lets the beheerder change a kaart entry in the app and publishes it with its source', async () => {
    await signIn('beheerder');
    const catalogue = fixtureWithRealDirectory();
    const current = { version: catalogue.version };
    const requests = adminServer((r) => {
      if (r.method === 'GET' && r.url.pathname === '/api/catalogue')
        return {
          body: {
            version: current.version,
            publishedAt: '2026-11-01T09:00:00.000Z',
            catalogue: null,
          },
        };
      if (r.method === 'POST' && r.url.pathname === '/api/catalogue') {
        current.version = 'b2c3d4e5f6070809';
        return { body: { version: current.version, created: true } };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/beheer/catalogus', async () => ({ catalogue, stored: true }));
    await user.selectOptions(await screen.findByLabelText('Plek'), 'sociaal-wijkteam');
    const hours = within(screen.getByRole('group', { name: 'Openingstijden' })).getByLabelText(
      'Wat klopt nu',
    );
    await user.clear(hours);
    await user.type(hours, 'Maandag 9.00–12.00 uur (test)');
    // A changed fact without a source: nothing is sent, and the form says what is missing.
    await user.click(screen.getByRole('button', { name: 'Opslaan en publiceren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De bron: vul een titel');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText('Titel van de bron'), 'Telefonisch nagevraagd');
    await user.type(screen.getByLabelText('Wie geeft het uit'), 'Beheer Dichtbij');
    await user.click(screen.getByRole('button', { name: 'Opslaan en publiceren' }));
    expect(
      await screen.findByText(/Versie b2c3d4e5f6070809 is gepubliceerd/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const posted = requests.find((r) => r.method === 'POST')?.body as {
      version?: string;
      organisations: { id: string; directory?: { hours: unknown; checkedOn: string } }[];
    };
    expect(posted.version).toBeUndefined();
    const entry = posted.organisations.find((o) => o.id === 'sociaal-wijkteam')?.directory;
    expect(entry?.hours).toEqual({
      value: 'Maandag 9.00–12.00 uur (test)',
      source: [
        {
          title: 'Telefonisch nagevraagd',
          publisher: 'Beheer Dichtbij',
          date: new Date().toISOString().slice(0, 10),
        },
      ],
    });
    // The server now publishes a newer version than this device holds: no edit on top of it.
    expect(await screen.findByText(/Synchroniseer eerst/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Opslaan en publiceren' })).toBeDisabled();
  });

  it('says calmly that beheer needs internet and disables the actions when offline', async () => {
    await signIn('beheerder');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const requests = adminServer();
    renderApp('/beheer/catalogus');
    expect(await screen.findByTestId('admin-offline')).toHaveTextContent(
      'U bent offline. Beheer werkt alleen met internet.',
    );
    expect(await screen.findByRole('button', { name: 'Publiceren' })).toBeDisabled();
    expect(requests).toEqual([]);
  });

  it('tells the worker on the login page that a beheerder reported this device lost and it was wiped', async () => {
    // What a wipe leaves behind: no session, only the last sync outcome.
    await database.meta.put({
      key: META_STATUS,
      value: {
        lastSuccessAt: null,
        lastAttemptAt: '2026-11-23T10:00:00.000Z',
        lastErrorCode: 'deviceWiped',
      },
    });
    renderApp('/account');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'De beheerder heeft dit apparaat als kwijt gemeld. Alle persoonsgegevens zijn van dit apparaat gewist.',
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Inloggen');
  });
});
