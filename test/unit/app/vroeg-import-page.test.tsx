import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { META_SESSION } from '../../../src/data/sync/session-store';
import type {
  ImportReport,
  UnplacedAddress,
} from '../../../src/domain/vroegsignalen/import-report';
import { renderApp } from './render-app';

/**
 * The import screen against a scripted server: the real client code path minus the network.
 * It uploads the file's text as it is, shows the server's report (counts, refused rows) and
 * places an address; nothing of the report is stored on the device.
 */
let database: DichtbijDb;
let n = 0;

async function signIn(role: 'coordinator' | 'vrijwilliger') {
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: `demo-${role}`,
        email: `${role}@demo.dichtbij`,
        name: role === 'coordinator' ? 'Coby Coördinator' : 'Vera Vrijwilliger',
        role,
        teamId: null,
        organisationId: null,
        wijken: [],
      },
      deviceId: 'device-coord-1',
      needsLogin: false,
    },
  });
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

const ADDRESS: UnplacedAddress = {
  addressKey: '3319EF|3|',
  street: 'Testplein',
  houseNumber: 3,
  houseNumberSuffix: null,
  postcode: '3319EF',
  city: 'Dordrecht',
  reports: 1,
  creditorTypes: ['energie'],
  firstImportedAt: '2026-11-30T12:00:00.000Z',
};

const REPORT: ImportReport = {
  importId: 'vi-1',
  format: 'csv',
  rows: 4,
  created: 2,
  merged: 0,
  unchanged: 0,
  unplaced: 1,
  rejectedRows: 1,
  withoutTeam: 0,
  createdByCreditor: { huur: 1, energie: 1, water: 0, zorgverzekering: 0 },
  rejected: [
    {
      line: 5,
      field: 'bedrag',
      code: 'amountInvalid',
      message: 'Dit bedrag klopt niet. Schrijf het in euro, bijvoorbeeld 412,50.',
    },
  ],
  unplacedAddresses: [ADDRESS],
  ignoredColumns: [],
};

interface Seen {
  method: string;
  path: string;
  type: string | null;
  body: string | undefined;
}

function fakeServer() {
  const seen: Seen[] = [];
  let waiting: UnplacedAddress[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const headers = new Headers(init?.headers);
      const request: Seen = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        type: headers.get('content-type'),
        body: typeof init?.body === 'string' ? init.body : undefined,
      };
      if (url.pathname !== '/api/health') seen.push(request);
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      const key = `${request.method} ${url.pathname}`;
      if (key === 'GET /api/vroegsignalen/unplaced') return json({ addresses: waiting });
      if (key === 'POST /api/vroegsignalen/import') {
        if (request.body?.startsWith('referentie;soort\n'))
          return json(
            { error: 'badRequest', message: 'x', details: ['missingColumns', 'bedrag', 'datum'] },
            400,
          );
        waiting = [ADDRESS];
        return json(REPORT);
      }
      if (key === 'POST /api/vroegsignalen/place') {
        waiting = [];
        return json({ created: 1, merged: 0, placedAddresses: 1 });
      }
      return json({ ok: true });
    }),
  );
  return seen;
}

beforeEach(() => {
  database = new DichtbijDb(`vroeg-app-${n++}`);
  useDb(database);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  database.close();
  await database.delete();
});

describe('vroegsignalen import screen', () => {
  it('is for coordinators and beheerders only: a volunteer sees why, and no request is made', async () => {
    await signIn('vrijwilliger');
    const seen = fakeServer();
    renderApp('/vroegsignalen');
    expect(
      await screen.findByText('Alleen een coördinator of beheerder kan vroegsignalen inlezen.'),
    ).toBeInTheDocument();
    expect(seen).toEqual([]);
  });

  it('uploads the file as it is, shows the report and places a waiting address', async () => {
    await signIn('coordinator');
    const seen = fakeServer();
    const user = userEvent.setup();
    renderApp('/vroegsignalen');
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Vroegsignalen' })).toBeInTheDocument();
    expect(await screen.findByTestId('vroeg-unplaced-none')).toBeInTheDocument();

    const csv = 'referentie;soort;bedrag;maanden;datum;straat;huisnummer;postcode;woonplaats\n';
    await user.upload(
      screen.getByLabelText('Bestand met signalen (CSV of JSON)'),
      new File([csv], 'signalen.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Inlezen' }));
    const report = await screen.findByTestId('vroeg-report');
    expect(within(report).getByTestId('vroeg-count-created')).toHaveTextContent('2');
    expect(within(report).getByTestId('vroeg-count-rejectedRows')).toHaveTextContent('1');
    const rejected = within(report).getByTestId('vroeg-rejected');
    expect(rejected).toHaveTextContent('5');
    expect(rejected).toHaveTextContent('bedrag');
    expect(rejected).toHaveTextContent('Dit bedrag klopt niet');
    const upload = seen.find((r) => r.path === '/api/vroegsignalen/import');
    expect(upload).toMatchObject({ method: 'POST', type: 'text/csv', body: csv });

    const row = (await screen.findByTestId('vroeg-unplaced')).querySelector(
      '[data-address="3319EF|3|"]',
    )!;
    await user.selectOptions(within(row as HTMLElement).getByLabelText('Wijk'), 'crabbehof');
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Plaatsen' }));
    expect(await screen.findByText(/Het adres is geplaatst/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('vroeg-unplaced-none')).toBeInTheDocument());
    const place = seen.find((r) => r.path === '/api/vroegsignalen/place');
    expect(JSON.parse(place?.body ?? '{}')).toEqual({
      addressKey: '3319EF|3|',
      wijk: 'crabbehof',
      wholePostcode: false,
    });
    // Nothing of the report is kept on the device.
    expect(await database.signals.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('says in words which columns a refused file lacks', async () => {
    await signIn('coordinator');
    fakeServer();
    const user = userEvent.setup();
    renderApp('/vroegsignalen');
    await user.upload(
      await screen.findByLabelText('Bestand met signalen (CSV of JSON)'),
      new File(['referentie;soort\nX;huur\n'], 'kort.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(
      await screen.findByText('Deze kolommen ontbreken: bedrag, datum. Er is niets ingelezen.'),
    ).toBeInTheDocument();
  });
});
