import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Mutation } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { applyVroegRetention, vroegRetentionMonths } from '../../src/server/vroeg-retention';
import { eraseExpiredVroegsignalen } from '../../src/server/storage/vroeg-retention-store';
import type { App, Client } from './helpers';
import { pushAfterImport } from './vroeg-seed';
import { STORES, loginAs, makeServer, mutation, openStore, post, push } from './helpers';

/**
 * Retention of vroegsignalen (issue 17 part 4): the daily job erases exactly the vroegsignalen
 * received before the cut-off without help accepted — as tombstones a device pulls, with their
 * events, conflicts and data gone from the server, each erase audited — while the month's
 * anonymous counts keep them (maintained = rebuild = before), on both stores.
 */

const NOW = new Date('2026-11-30T12:00:00.000Z');
/** 12 months before NOW: what the rule's default gives. */
const CUTOFF = '2025-11-30T12:00:00.000Z';
const HOUR = 3_600_000;

const signalArb = fc.record({
  vroeg: fc.boolean(),
  // Up to ~22 months old, and often right around the cut-off (8,760 h = 365 days).
  hoursOld: fc.oneof(fc.integer({ min: 0, max: 16_000 }), fc.integer({ min: 8_758, max: 8_762 })),
  help: fc.array(fc.constantFrom('aanvaard', 'geweigerd'), { maxLength: 2 }),
  contact: fc.boolean(),
  creditorType: fc.constantFrom('huur', 'energie', 'water', 'zorgverzekering'),
});
type Gen = typeof signalArb extends fc.Arbitrary<infer T> ? T : never;

/** The rule written out again by hand: the brute force the store is held to. */
function shouldErase(s: Gen): boolean {
  const created = new Date(NOW.getTime() - s.hoursOld * HOUR).toISOString();
  return s.vroeg && created < CUTOFF && !s.help.includes('aanvaard');
}

describe.each(STORES)('vroegsignaal retention on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let wim: Client;
  let run = 0;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => NOW);
    wim = await loginAs(app, 'wijkteam@demo.dichtbij', `vr-${kind}-wim`);
  });
  afterAll(async () => storage.close());

  function mutationsFor(id: string, s: Gen): Mutation[] {
    const createdAt = new Date(NOW.getTime() - s.hoursOld * HOUR).toISOString();
    const data = s.vroeg
      ? {
          category: `achterstand-${s.creditorType}`,
          urgency: 'normaal',
          source: 'vroegsignaal',
          creditorType: s.creditorType,
          residentName: 'Synthetisch Huishouden',
          street: 'Voorbeeldstraat',
          houseNumber: 12,
          postcode: '3317AA',
          arrearsCents: 45_000,
        }
      : { category: 'eenzaamheid', urgency: 'normaal', residentName: 'Synthetisch' };
    const later = new Date(Date.parse(createdAt) + HOUR).toISOString();
    return [
      mutation({
        entityId: id,
        op: 'put',
        createdAt,
        payload: { wijk: 'wielwijk', status: 'nieuw', data },
      }),
      ...(s.contact
        ? [
            mutation({
              entityId: id,
              op: 'event',
              createdAt: later,
              payload: { kind: 'status', status: 'contact-gelegd', body: { contactAt: later } },
            }),
          ]
        : []),
      ...s.help.map((help) =>
        mutation({
          entityId: id,
          op: 'event',
          createdAt: later,
          payload: { kind: 'help', body: { help } },
        }),
      ),
    ];
  }

  const rollup = async () =>
    (
      await storage.db
        .selectFrom('insight_rollup')
        .select(['month', 'wijk', 'team', 'metric', 'key', 'n'])
        .where('n', '<>', 0)
        .execute()
    )
      .map((r) => `${r.month}|${r.wijk}|${r.team}|${r.metric}|${r.key}=${Number(r.n)}`)
      .sort();

  async function pullFrom(client: Client, cursor: number | null) {
    const changes: {
      kind: string;
      id: string;
      entityId?: string;
      deleted?: boolean;
      data?: object;
    }[] = [];
    let at = cursor;
    for (;;) {
      const res = await post(
        app,
        '/api/sync/pull',
        { protocolVersion: PROTOCOL_VERSION, deviceId: client.deviceId, cursor: at, limit: 200 },
        client.token,
      );
      const body = (await res.json()) as {
        changes: typeof changes;
        cursor: number;
        hasMore: boolean;
      };
      changes.push(...body.changes);
      at = body.cursor;
      if (!body.hasMore) return { changes, cursor: at };
    }
  }

  it('erases exactly the expired vroegsignalen without help accepted, and keeps their counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(signalArb, { minLength: 1, maxLength: 8 }), async (signals) => {
        run += 1;
        const ids = signals.map((_, i) => `vr${run}-s${i}`);
        const sent = signals.flatMap((s, i) => mutationsFor(ids[i] ?? '', s));
        const pushed = await pushAfterImport(app, storage, wim, sent);
        expect(pushed.body.results.every((r) => r.status === 'applied')).toBe(true);
        const device = await pullFrom(wim, null);
        const countsBefore = await rollup();
        const auditBefore = await storage.listAudit({ action: 'erase', limit: 1000 });

        // The daily job, or the store in small batches (each its own transaction).
        const erased =
          run % 2 === 0
            ? await applyVroegRetention({ storage }, 12, NOW)
            : await eraseExpiredVroegsignalen(
                storage.db,
                storage.dialect,
                CUTOFF,
                NOW.toISOString(),
                1 + (run % 3),
              );
        const expected = ids.filter((_, i) => shouldErase(signals[i] as Gen));
        expect(erased).toBe(expected.length);

        // The device's next pull brings a tombstone for exactly those, without data.
        const next = await pullFrom(wim, device.cursor);
        const tombstones = next.changes.filter((c) => c.kind === 'record' && c.deleted);
        expect(tombstones.map((c) => c.id).sort()).toEqual([...expected].sort());
        expect(tombstones.every((c) => JSON.stringify(c.data) === '{}')).toBe(true);
        expect(next.changes.filter((c) => c.kind === 'record' && !c.deleted)).toEqual([]);

        // On the server: no data, no events, no stamps of fields; the others untouched.
        const rows = await storage.db
          .selectFrom('records')
          .select(['id', 'deleted', 'data'])
          .where('id', 'in', ids)
          .execute();
        for (const row of rows) {
          const gone = expected.includes(row.id);
          expect(Number(row.deleted)).toBe(gone ? 1 : 0);
          if (gone) expect(row.data).toBe('{}');
          else expect(row.data).toContain('Synthetisch');
        }
        const events = await storage.db
          .selectFrom('events')
          .select('entity_id')
          .where('entity_id', 'in', ids)
          .execute();
        for (const e of events) expect(expected).not.toContain(e.entity_id);
        const eventsKept = ids
          .filter((id) => !expected.includes(id))
          .reduce((n, id) => {
            const s = signals[ids.indexOf(id)] as Gen;
            return n + (s.contact ? 1 : 0) + s.help.length;
          }, 0);
        expect(events.length).toBe(eventsKept);

        // Audited: one `erase` by system per record, no contents.
        const auditAfter = await storage.listAudit({ action: 'erase', limit: 1000 });
        const newEntries = auditAfter.entries.filter(
          (e) => !auditBefore.entries.some((b) => b.id === e.id),
        );
        expect(newEntries.map((e) => e.entityId).sort()).toEqual([...expected].sort());
        expect(newEntries.every((e) => e.userId === 'system' && e.entityType === 'signal')).toBe(
          true,
        );

        // The anonymous monthly counts keep the erased signals, and a rebuild agrees.
        expect(await rollup()).toEqual(countsBefore);
        await storage.rebuildInsight();
        expect(await rollup()).toEqual(countsBefore);

        // A second run finds nothing more.
        expect(await applyVroegRetention({ storage }, 12, NOW)).toBe(0);
      }),
      { numRuns: 20, seed: 17 },
    );
  });

  it('lets no stale edit, event or put bring an erased vroegsignaal back', async () => {
    run += 1;
    const id = `vr${run}-stale`;
    const s: Gen = { vroeg: true, hoursOld: 9_000, help: [], contact: true, creditorType: 'huur' };
    await pushAfterImport(app, storage, wim, mutationsFor(id, s));
    expect(await applyVroegRetention({ storage }, 12, NOW)).toBe(1);
    const answers = await push(app, wim, [
      // Written offline before the erase: an edit, a new attempt, a help answer.
      mutation({
        entityId: id,
        op: 'patch',
        baseVersion: 1,
        payload: { data: { residentName: 'X' } },
      }),
      mutation({
        entityId: id,
        op: 'event',
        payload: { kind: 'note', body: { text: 'niet thuis' } },
      }),
      mutation({
        entityId: id,
        op: 'event',
        payload: { kind: 'help', body: { help: 'aanvaard' } },
      }),
      mutation({
        entityId: id,
        op: 'put',
        payload: { wijk: 'wielwijk', data: { category: 'eenzaamheid' } },
      }),
    ]);
    expect(answers.body.results.map((r) => r.reason)).toEqual([
      'recordDeleted',
      'recordDeleted',
      'recordDeleted',
      'recordDeleted',
    ]);
    const row = await storage.db
      .selectFrom('records')
      .select(['deleted', 'data'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.deleted)).toBe(1);
    expect(row.data).toBe('{}');
    const events = await storage.db
      .selectFrom('events')
      .select('id')
      .where('entity_id', '=', id)
      .execute();
    expect(events).toEqual([]);
  });

  it('reads the period from the environment and refuses nonsense', () => {
    expect(vroegRetentionMonths(undefined)).toBe(12);
    expect(vroegRetentionMonths('6')).toBe(6);
    expect(() => vroegRetentionMonths('0')).toThrow(/VROEGSIGNAAL_RETENTION_MONTHS/);
    expect(() => vroegRetentionMonths('twaalf')).toThrow(/VROEGSIGNAAL_RETENTION_MONTHS/);
  });
});
