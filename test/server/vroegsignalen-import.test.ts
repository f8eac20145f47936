import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, UnplacedAddress } from '../../src/domain/vroegsignalen/import-report';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, openStore, post, pullAll } from './helpers';

/**
 * Issue 17, "Done means": a file with valid, invalid, duplicate and unknown-address rows gives
 * exactly the expected signals and rejection report; importing it again changes nothing. The
 * signals reach the wijk's team through the ordinary pull, and the coordinator's rollup counts
 * them as a push would.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'vroegsignalen');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NOW = new Date('2026-11-30T12:00:00.000Z');

async function importFile(app: App, client: Client, body: string, type = 'text/csv') {
  const res = await app.request('/api/vroegsignalen/import', {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${client.token}` },
    body,
  });
  return { status: res.status, body: (await res.json()) as ImportReport & { details?: string[] } };
}

async function unplaced(app: App, client: Client): Promise<UnplacedAddress[]> {
  const res = await app.request('/api/vroegsignalen/unplaced', {
    headers: { authorization: `Bearer ${client.token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { addresses: UnplacedAddress[] }).addresses;
}

type Change = Awaited<ReturnType<typeof pullAll>>['changes'][number];

function signals(changes: readonly Change[]): Change[] {
  return changes.filter((c) => c.kind === 'record' && c.data?.source === 'vroegsignaal');
}

describe.each(STORES)('vroegsignalen import on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};

  const snapshot = async () => {
    const records = await storage.db
      .selectFrom('records')
      .select(['id', 'version', 'data', 'status', 'wijk', 'team_id'])
      .orderBy('id')
      .execute();
    const events = await storage.db.selectFrom('events').select(['id', 'version']).execute();
    const rollup = await storage.db
      .selectFrom('insight_rollup')
      .select(['month', 'wijk', 'team', 'metric', 'key', 'n'])
      .where('n', '<>', 0)
      .execute();
    return {
      records: records.map((r) => ({ ...r, version: Number(r.version) })),
      events: events.length,
      rollup: rollup
        .map((r) => `${r.month}|${r.wijk}|${r.team}|${r.metric}|${r.key}=${Number(r.n)}`)
        .sort(),
    };
  };

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => NOW);
    c.coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `vi-${kind}-coord`);
    c.beheerder = await loginAs(app, 'beheerder@demo.dichtbij', `vi-${kind}-beh`);
    c.wim = await loginAs(app, 'wijkteam@demo.dichtbij', `vi-${kind}-wim`);
    c.vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `vi-${kind}-vera`);
  });

  afterAll(async () => {
    await storage.close();
  });

  it('refuses workers: only a coordinator or beheerder imports', async () => {
    for (const who of [c.wim, c.vera]) {
      const res = await importFile(app, who!, fixture('gemengd.csv'));
      expect(res.status).toBe(403);
      const list = await app.request('/api/vroegsignalen/unplaced', {
        headers: { authorization: `Bearer ${who!.token}` },
      });
      expect(list.status).toBe(403);
    }
    expect((await snapshot()).records).toEqual([]);
  });

  it('refuses a file without the required columns, or not UTF-8, and writes nothing', async () => {
    const missing = await importFile(app, c.coordinator!, 'referentie;soort\nX-1;huur\n');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      'missingColumns',
      'bedrag',
      'maanden',
      'datum',
      'straat',
      'huisnummer',
      'postcode',
      'woonplaats',
    ]);
    const latin1 = await app.request('/api/vroegsignalen/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${c.coordinator!.token}` },
      body: new Uint8Array([0x72, 0x65, 0x66, 0xe9, 0x0a]),
    });
    expect(latin1.status).toBe(400);
    expect((await snapshot()).records).toEqual([]);
  });

  it('imports the mixed file: every refused row named, unknown addresses kept aside', async () => {
    const { status, body } = await importFile(app, c.coordinator!, fixture('gemengd.csv'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      format: 'csv',
      rows: 10,
      created: 0,
      merged: 0,
      unchanged: 0,
      unplaced: 5,
      rejectedRows: 5,
      ignoredColumns: ['extra'],
    });
    expect(body.rejected.map((r) => [r.line, r.field, r.code])).toEqual([
      [6, 'bedrag', 'amountInvalid'],
      [7, 'soort', 'creditorUnknown'],
      [8, 'maanden', 'monthsInvalid'],
      [8, 'datum', 'dateInvalid'],
      [8, 'postcode', 'postcodeInvalid'],
      [9, 'referentie', 'duplicateRef'],
      [11, 'referentie', 'required'],
    ]);
    expect(body.rejected[0]?.message).toBe(
      'Dit bedrag klopt niet. Schrijf het in euro, bijvoorbeeld 412,50.',
    );
    // Nothing is known about where these addresses are: none is guessed.
    expect(
      body.unplacedAddresses.map((a) => [a.addressKey, a.reports, [...a.creditorTypes].sort()]),
    ).toEqual([
      ['3317AB|12|A', 3, ['huur', 'water']],
      ['3318CD|7|', 1, ['energie']],
      ['3319EF|3|', 1, ['energie']],
    ]);
    // The answer names addresses only: no household name, no amount.
    expect(JSON.stringify(body)).not.toMatch(/Fam\. Proef|1\.250|41250|125000/);
    expect((await snapshot()).records).toEqual([]);
    expect(await unplaced(app, c.coordinator!)).toHaveLength(3);
  });

  it('placing an address makes its signals, one per creditor, the newest report winning', async () => {
    const res = await post(
      app,
      '/api/vroegsignalen/place',
      { addressKey: '3317AB|12|A', wijk: 'wielwijk' },
      c.coordinator!.token,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 2, merged: 0, placedAddresses: 1 });
    const byPostcode = await post(
      app,
      '/api/vroegsignalen/place',
      { addressKey: '3318CD|7|', wijk: 'crabbehof', wholePostcode: true },
      c.beheerder!.token,
    );
    expect(await byPostcode.json()).toEqual({ created: 1, merged: 0, placedAddresses: 1 });
    const unknownWijk = await post(
      app,
      '/api/vroegsignalen/place',
      { addressKey: '3319EF|3|', wijk: 'atlantis' },
      c.coordinator!.token,
    );
    expect(unknownWijk.status).toBe(400);
    expect((await unplaced(app, c.coordinator!)).map((a) => a.addressKey)).toEqual(['3319EF|3|']);

    const { records } = await snapshot();
    expect(records).toHaveLength(3);
    const data = records.map((r): Record<string, unknown> => ({
      ...(JSON.parse(r.data) as Record<string, unknown>),
      wijk: r.wijk,
      team: r.team_id,
      status: r.status,
    }));
    const huur = data.find((d) => d.creditorType === 'huur');
    expect(huur).toMatchObject({
      category: 'achterstand-huur',
      consent: 'wettelijke-taak',
      source: 'vroegsignaal',
      contactWay: 'adres',
      contactValue: 'Proefstraat 12A, 3317 AB Dordrecht',
      residentName: 'Fam. Proef',
      // VS-1003 (10 November) is newer than VS-1001 (2 November) for the same arrears.
      externalRef: 'VS-1003',
      arrearsCents: 125000,
      monthsInArrears: 4,
      reportedOn: '2026-11-10',
      postcode: '3317AB',
      houseNumber: 12,
      houseNumberSuffix: 'A',
      wijk: 'wielwijk',
      team: 'team-wijkteam-west',
      status: 'nieuw',
    });
    expect(data.find((d) => d.creditorType === 'water')).toMatchObject({
      category: 'achterstand-water',
      arrearsCents: 3500,
      wijk: 'wielwijk',
    });
    expect(data.find((d) => d.creditorType === 'energie')).toMatchObject({
      category: 'achterstand-energie',
      residentName: 'Voorbeeldlaan 7, 3318 CD Dordrecht',
      wijk: 'crabbehof',
    });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot();
    const { status, body } = await importFile(app, c.coordinator!, fixture('gemengd.csv'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      created: 0,
      merged: 0,
      unchanged: 5,
      unplaced: 0,
      rejectedRows: 5,
    });
    expect(await snapshot()).toEqual(before);
    expect((await unplaced(app, c.coordinator!)).map((a) => a.addressKey)).toEqual(['3319EF|3|']);
  });

  it('a later report merges into the open signal; a placed postcode places new addresses', async () => {
    const before = await snapshot();
    const { body } = await importFile(
      app,
      c.coordinator!,
      fixture('vervolg.json'),
      'application/json',
    );
    expect(body).toMatchObject({
      format: 'json',
      rows: 3,
      created: 1,
      merged: 1,
      unchanged: 0,
      unplaced: 0,
    });
    const after = await snapshot();
    expect(after.records).toHaveLength(4);
    expect(after.events).toBe(before.events + 1);
    const huur = after.records
      .map((r) => JSON.parse(r.data) as Record<string, unknown>)
      .find((d) => d.creditorType === 'huur');
    // VS-2001 (20 November) updates it; VS-2003 (1 October, older) is remembered but changes nothing.
    expect(huur).toMatchObject({
      externalRef: 'VS-1003',
      arrearsCents: 150000,
      monthsInArrears: 5,
      reportedOn: '2026-11-20',
    });
    const again = await importFile(
      app,
      c.coordinator!,
      fixture('vervolg.json'),
      'application/json',
    );
    expect(again.body).toMatchObject({ created: 0, merged: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(after);
  });

  it('the wijk team pulls the signals like any other; a volunteer sees none', async () => {
    const wim = await pullAll(app, c.wim!);
    const got = signals(wim.changes);
    expect(got).toHaveLength(4);
    expect(new Set(got.map((s) => s.data?.category))).toEqual(
      new Set(['achterstand-huur', 'achterstand-water', 'achterstand-energie']),
    );
    expect(wim.changes.some((ch) => ch.kind === 'event')).toBe(true);
    const vera = await pullAll(app, c.vera!);
    expect(signals(vera.changes)).toEqual([]);
  });

  it('the coordinator counts them in the push-maintained rollup, and the audit names no one', async () => {
    const maintained = (await snapshot()).rollup;
    expect(
      maintained.some(
        (r) => r.includes('|wielwijk|team-wijkteam-west|') && r.includes('achterstand-huur'),
      ),
    ).toBe(true);
    await storage.rebuildInsight();
    expect((await snapshot()).rollup).toEqual(maintained);
    const audit = await storage.listAudit({ entityType: 'vroegImport' });
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      'import',
      'import',
      'import',
      'import',
      'place',
      'place',
    ]);
    const creates = await storage.listAudit({ entityType: 'signal', action: 'create' });
    expect(creates.entries).toHaveLength(4);
  });
});
