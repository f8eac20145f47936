import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ONLY_MESSAGE } from '../../src/domain/vroegsignalen/server-made';
import type { ImportReport } from '../../src/domain/vroegsignalen/import-report';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { postcodeKey } from '../../src/server/storage/vroeg-write';
import type { VroegTables } from '../../src/server/storage/vroeg-tables';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, push } from './helpers';

/**
 * Only the import makes a vroegsignaal (issue 17). The attack: a signed-in worker's device
 * pushes a signal with `source: 'vroegsignaal'` and `consent: 'wettelijke-taak'` of its own, or
 * turns an ordinary signal into one — it would be counted in the creditors' figures and kept
 * under the Wgs without the resident's consent. The server refuses it with a clear error, on
 * both stores, while a worker keeps editing a vroegsignaal the import made.
 */
const NOW = new Date('2026-11-30T12:00:00.000Z');

/** A forged creditor's report, synthetic. */
const FORGED = {
  category: 'achterstand-huur',
  urgency: 'normaal',
  consent: 'wettelijke-taak',
  residentName: 'Verzonnen Huishouden',
  contactWay: 'adres',
  contactValue: 'Proefstraat 1, 3317 AA Dordrecht',
  source: 'vroegsignaal',
  creditorType: 'huur',
  arrearsCents: 50_000,
  monthsInArrears: 2,
  reportedOn: '2026-11-20',
  street: 'Proefstraat',
  houseNumber: 1,
  postcode: '3317AA',
  city: 'Dordrecht',
  externalRef: 'NEP-1',
  importId: 'nep',
};

const ORDINARY = {
  category: 'achterstand-huur',
  urgency: 'normaal',
  consent: 'gegeven',
  residentName: 'Synthetische Bewoner',
  contactWay: 'via-vindplaats',
  contactValue: 'Buurthuis (fictief)',
};

describe.each(STORES)('only the import makes a vroegsignaal, on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let wim: Client;
  let coordinator: Client;

  const record = (id: string) =>
    storage.db
      .selectFrom('records')
      .select(['id', 'data', 'version'])
      .where('entity_type', '=', 'signal')
      .where('id', '=', id)
      .executeTakeFirst();

  const vroegCounts = async () =>
    (
      await storage.db
        .selectFrom('insight_rollup')
        .select(['metric', 'n'])
        .where('metric', 'like', 'vroeg%')
        .where('n', '<>', 0)
        .execute()
    ).length;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => NOW);
    wim = await loginAs(app, 'wijkteam@demo.dichtbij', `vio-${kind}-wim`);
    coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `vio-${kind}-coord`);
  });
  afterAll(async () => storage.close());

  it('refuses a device that creates a signal claiming to be a creditor’s report', async () => {
    const { body } = await push(app, wim, [
      mutation({
        entityId: `forged-${kind}-1`,
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'nieuw', data: FORGED },
      }),
      // The source alone, with the resident's consent, is a claim too.
      mutation({
        entityId: `forged-${kind}-2`,
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'nieuw', data: { ...FORGED, consent: 'gegeven' } },
      }),
    ]);
    expect(body.results.map((r) => [r.status, r.reason, r.message])).toEqual([
      ['rejected', 'forbidden', IMPORT_ONLY_MESSAGE],
      ['rejected', 'forbidden', IMPORT_ONLY_MESSAGE],
    ]);
    expect(await record(`forged-${kind}-1`)).toBeUndefined();
    expect(await record(`forged-${kind}-2`)).toBeUndefined();
    expect(await vroegCounts()).toBe(0);
  });

  it('refuses turning an ordinary signal into one, and keeps the signal as it was', async () => {
    const id = `plain-${kind}`;
    const created = await push(app, wim, [
      mutation({
        entityId: id,
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'nieuw', data: ORDINARY },
      }),
    ]);
    expect(created.body.results.map((r) => r.status)).toEqual(['applied']);
    const before = await record(id);
    const { body } = await push(app, wim, [
      mutation({
        entityId: id,
        op: 'patch',
        baseVersion: Number(before?.version),
        payload: {
          data: {
            source: 'vroegsignaal',
            consent: 'wettelijke-taak',
            creditorType: 'huur',
            arrearsCents: 1,
          },
        },
      }),
    ]);
    expect(body.results.map((r) => [r.status, r.reason, r.message])).toEqual([
      ['rejected', 'forbidden', IMPORT_ONLY_MESSAGE],
    ]);
    expect(await record(id)).toEqual(before);
    expect(await vroegCounts()).toBe(0);
  });

  it('lets the worker go on with a vroegsignaal the import made', async () => {
    await storage.db
      .withTables<VroegTables>()
      .insertInto('vroeg_placements')
      .values({
        address_key: postcodeKey('3317AA'),
        wijk: 'wielwijk',
        source: 'handmatig',
        placed_by: 'demo-coordinator',
        placed_at: NOW.toISOString(),
      })
      .execute();
    const res = await app.request('/api/vroegsignalen/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${coordinator.token}` },
      body: [
        'referentie;soort;bedrag;maanden;datum;straat;huisnummer;postcode;woonplaats',
        'ECHT-1;huur;500,00;2;2026-11-20;Proefstraat;1;3317AA;Dordrecht',
      ].join('\n'),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as ImportReport;
    expect(report.created).toBe(1);
    const signal = await storage.db
      .selectFrom('records')
      .select(['id', 'version', 'data'])
      .where('owner_id', '<>', 'demo-wijkteam')
      .where('entity_type', '=', 'signal')
      .executeTakeFirstOrThrow();
    const data = JSON.parse(signal.data) as Record<string, unknown>;
    expect(data).toMatchObject({ source: 'vroegsignaal', consent: 'wettelijke-taak' });

    // The form sends the signal's fields back whole, the import's among them: allowed.
    const { body } = await push(app, wim, [
      mutation({
        entityId: signal.id,
        op: 'patch',
        baseVersion: Number(signal.version),
        payload: { data: { ...data, urgency: 'hoog', residentName: 'Fam. Proef (fictief)' } },
      }),
      mutation({
        entityId: signal.id,
        op: 'event',
        payload: { kind: 'help', body: { help: 'aanvaard', helpTo: 'schuldhulp' } },
      }),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(JSON.parse((await record(signal.id))?.data ?? '{}')).toMatchObject({
      source: 'vroegsignaal',
      consent: 'wettelijke-taak',
      urgency: 'hoog',
    });

    // Taking the marks off would move it out of the creditors' figures and out of the Wgs
    // retention (kept for ever as an ordinary signal): refused, the signal stays as it was.
    const current = await record(signal.id);
    const stripped = await push(app, wim, [
      mutation({
        entityId: signal.id,
        op: 'patch',
        baseVersion: Number(current?.version),
        payload: { data: { source: null, consent: 'gegeven' } },
      }),
    ]);
    expect(stripped.body.results.map((r) => [r.status, r.reason, r.message])).toEqual([
      ['rejected', 'forbidden', IMPORT_ONLY_MESSAGE],
    ]);
    expect(await record(signal.id)).toEqual(current);
  });
});
