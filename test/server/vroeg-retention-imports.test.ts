import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/domain/vroegsignalen/import-report';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { postcodeKey } from '../../src/server/storage/vroeg-write';
import type { VroegStore } from '../../src/server/storage/vroeg-store';
import { openVroegStore } from '../../src/server/storage/vroeg-store';
import type { VroegTables } from '../../src/server/storage/vroeg-tables';
import { applyVroegRetention } from '../../src/server/vroeg-retention';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, push } from './helpers';

/**
 * Retention of what the import keeps besides the signals (issue 17 part 4): the references and
 * address keys of signals erased by retention, reports that waited past the period for their
 * address, and import rows nothing is left of — erased by the same rule, audited, on both stores.
 * Time passes by moving the rows' dates back, as a year would.
 */
const NOW = new Date('2026-11-30T12:00:00.000Z');
const OLD = '2025-10-01T09:00:00.000Z';
const RECENT = '2026-11-01T09:00:00.000Z';

const HEAD = 'referentie;soort;bedrag;maanden;datum;straat;huisnummer;postcode;woonplaats';
/** Synthetic reports: 3317 AA is placed in Wielwijk, 3399 ZZ is nowhere (it waits). */
const csv = (rows: string[]) => [HEAD, ...rows].join('\n') + '\n';
const FILE_A = csv([
  'RA-1;huur;500,00;2;2025-09-20;Proefstraat;1;3317AA;Dordrecht',
  'RA-2;energie;120,00;1;2025-09-20;Proefstraat;3;3317AA;Dordrecht',
  'RA-3;water;80,00;2;2025-09-20;Nergenspad;9;3399ZZ;Dordrecht',
]);
const FILE_B = csv(['RB-1;huur;640,00;3;2025-09-21;Proefstraat;5;3317AA;Dordrecht']);
const FILE_C = csv([
  'RC-1;zorgverzekering;300,00;2;2026-10-30;Proefstraat;7;3317AA;Dordrecht',
  'RC-2;huur;410,00;2;2026-10-30;Nergenspad;11;3399ZZ;Dordrecht',
]);

describe.each(STORES)('retention of the import tables on %s', (kind) => {
  let storage: KyselySyncStorage;
  let vroeg: VroegStore;
  let app: App;
  let coordinator: Client;
  let wim: Client;

  const v = () => storage.db.withTables<VroegTables>();

  async function importFile(body: string): Promise<ImportReport> {
    const res = await app.request('/api/vroegsignalen/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${coordinator.token}` },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportReport;
  }

  /** Moves an import, its signals and its waiting reports back to `at`. */
  async function backdate(report: ImportReport, at: string): Promise<void> {
    const refs = await v()
      .selectFrom('vroeg_refs')
      .select('signal_id')
      .where('import_id', '=', report.importId)
      .execute();
    const ids = refs.flatMap((r) => (r.signal_id ? [r.signal_id] : []));
    if (ids.length > 0)
      await storage.db
        .updateTable('records')
        .set({ created_at: at })
        .where('entity_type', '=', 'signal')
        .where('id', 'in', ids)
        .execute();
    await v()
      .updateTable('vroeg_pending')
      .set({ created_at: at })
      .where('import_id', '=', report.importId)
      .execute();
    await v().updateTable('vroeg_imports').set({ at }).where('id', '=', report.importId).execute();
  }

  async function signalOf(ref: string): Promise<string> {
    const row = await v()
      .selectFrom('vroeg_refs')
      .select('signal_id')
      .where('external_ref', '=', ref)
      .executeTakeFirstOrThrow();
    if (!row.signal_id) throw new Error(`${ref} has no signal`);
    return row.signal_id;
  }

  const bookkeeping = async () => ({
    refs: (await v().selectFrom('vroeg_refs').select('external_ref').execute())
      .map((r) => r.external_ref)
      .sort(),
    signals: (await v().selectFrom('vroeg_signals').select('signal_id').execute()).length,
    pending: (await v().selectFrom('vroeg_pending').select('external_ref').execute())
      .map((r) => r.external_ref)
      .sort(),
    imports: (await v().selectFrom('vroeg_imports').select('id').execute()).map((r) => r.id).sort(),
  });

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => NOW);
    vroeg = openVroegStore(storage.dialect, storage.db);
    coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `vri-${kind}-coord`);
    wim = await loginAs(app, 'wijkteam@demo.dichtbij', `vri-${kind}-wim`);
    await v()
      .insertInto('vroeg_placements')
      .values({
        address_key: postcodeKey('3317AA'),
        wijk: 'wielwijk',
        source: 'handmatig',
        placed_by: 'demo-coordinator',
        placed_at: OLD,
      })
      .execute();
  });
  afterAll(async () => storage.close());

  it('erases the bookkeeping of erased signals, old waiting reports and empty old imports, audited', async () => {
    const a = await importFile(FILE_A);
    const b = await importFile(FILE_B);
    expect([a.created, a.unplaced, b.created]).toEqual([2, 1, 1]);
    await backdate(a, OLD);
    await backdate(b, OLD);
    const c = await importFile(FILE_C);
    expect([c.created, c.unplaced]).toEqual([1, 1]);
    await backdate(c, RECENT);

    // Import B's resident accepted help: the signal and its bookkeeping stay.
    const helped = await signalOf('RB-1');
    const answer = await push(app, wim, [
      mutation({
        entityId: helped,
        op: 'event',
        payload: { kind: 'help', body: { help: 'aanvaard', helpTo: 'schuldhulp' } },
      }),
    ]);
    expect(answer.body.results.map((r) => r.status)).toEqual(['applied']);
    const erasedA = [await signalOf('RA-1'), await signalOf('RA-2')];

    expect(await bookkeeping()).toEqual({
      refs: ['RA-1', 'RA-2', 'RA-3', 'RB-1', 'RC-1', 'RC-2'],
      signals: 4,
      pending: ['RA-3', 'RC-2'],
      imports: [a.importId, b.importId, c.importId].sort(),
    });
    const auditBefore = (await storage.listAudit({ action: 'erase', limit: 1000 })).entries;

    expect(await applyVroegRetention({ storage, vroeg }, 12, NOW)).toBe(2);

    // Import A: both signals erased, their references and address keys gone; its waiting
    // report (never a signal) gone; nothing is left of it, so its row goes too.
    expect(await bookkeeping()).toEqual({
      refs: ['RB-1', 'RC-1', 'RC-2'],
      signals: 2,
      pending: ['RC-2'],
      imports: [b.importId, c.importId].sort(),
    });
    const left = await v().selectFrom('vroeg_signals').select('signal_id').execute();
    expect(left.map((r) => r.signal_id)).not.toContain(erasedA[0]);
    expect(left.map((r) => r.signal_id)).toContain(helped);

    // Audited by system, never contents: the two signals, the waiting report, the import.
    const fresh = (await storage.listAudit({ action: 'erase', limit: 1000 })).entries.filter(
      (e) => !auditBefore.some((x) => x.id === e.id),
    );
    expect(fresh.every((e) => e.userId === 'system' && e.role === 'system')).toBe(true);
    expect(fresh.map((e) => `${e.entityType}:${e.entityId}`).sort()).toEqual(
      [
        `signal:${erasedA[0]}`,
        `signal:${erasedA[1]}`,
        `vroegImport:${a.importId}`,
        `vroegImport:${a.importId}`,
      ].sort(),
    );

    // A second run finds nothing; the placements (no report in them) stay.
    expect(await applyVroegRetention({ storage, vroeg }, 12, NOW)).toBe(0);
    expect(await vroeg.eraseExpired('2025-11-30T12:00:00.000Z', NOW.toISOString())).toEqual({
      signals: 0,
      pending: 0,
      imports: 0,
    });
    expect(await v().selectFrom('vroeg_placements').select('address_key').execute()).toEqual([
      { address_key: postcodeKey('3317AA') },
    ]);
  });
});
