import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecord } from '../../src/data/crypto/record-crypto';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import { DichtbijDb } from '../../src/data/db';
import { removeExpiredClosedRecords } from '../../src/data/lock/retention';
import { appendEvent, writeRecords } from '../../src/data/repositories/records';
import { login } from '../../src/data/sync/session';
import type { Transport } from '../../src/data/sync/sync-error';
import { inProcessTransport } from '../helpers/in-process-transport';
import { syncNow } from '../../src/data/sync/sync-runner';
import type { Mutation } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { applyVroegRetention } from '../../src/server/vroeg-retention';
import type { App, Client } from './helpers';
import { pushAfterImport } from './vroeg-seed';
import { PASSWORDS, STORES, loginAs, makeServer, mutation, openStore } from './helpers';

/**
 * Retention of vroegsignalen on the device (issue 17 part 4): a worker's device that holds
 * vroegsignalen and their events — the real sync client over fake-indexeddb against the real
 * server — keeps, after the server's retention and one sync, exactly the signals the rule keeps
 * and only their events. A write made offline to an erased signal is kept as a refusal, never
 * brought back. The device's own closed-record retention goes on working beside it.
 */

const NOW = new Date('2026-11-30T12:00:00.000Z');
const CUTOFF = '2025-11-30T12:00:00.000Z';
const HOUR = 3_600_000;

const signalArb = fc.record({
  vroeg: fc.boolean(),
  hoursOld: fc.oneof(fc.integer({ min: 0, max: 16_000 }), fc.integer({ min: 8_758, max: 8_762 })),
  help: fc.array(fc.constantFrom('aanvaard', 'geweigerd'), { maxLength: 2 }),
  attempt: fc.boolean(),
});
type Gen = typeof signalArb extends fc.Arbitrary<infer T> ? T : never;

/** The rule by hand: made before the cut-off, a vroegsignaal, no help accepted. */
const kept = (s: Gen) =>
  !(
    s.vroeg &&
    new Date(NOW.getTime() - s.hoursOld * HOUR).toISOString() < CUTOFF &&
    !s.help.includes('aanvaard')
  );

function transportFor(app: App): Transport {
  return inProcessTransport(() => app);
}

function mutationsFor(id: string, s: Gen): Mutation[] {
  const createdAt = new Date(NOW.getTime() - s.hoursOld * HOUR).toISOString();
  const later = new Date(Date.parse(createdAt) + HOUR).toISOString();
  const data = s.vroeg
    ? {
        category: 'achterstand-energie',
        urgency: 'normaal',
        source: 'vroegsignaal',
        creditorType: 'energie',
        residentName: 'Synthetisch Huishouden',
      }
    : { category: 'eenzaamheid', urgency: 'normaal', residentName: 'Synthetisch' };
  return [
    mutation({
      entityId: id,
      op: 'put',
      createdAt,
      payload: { wijk: 'wielwijk', status: 'nieuw', data },
    }),
    ...(s.attempt
      ? [
          mutation({
            entityId: id,
            op: 'event',
            createdAt: later,
            payload: { kind: 'note', body: { text: 'brief bezorgd' } },
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

describe.each(STORES)('vroegsignaal retention on the device, %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let wendy: Client;
  let run = 0;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    // A colleague in the same team and wijk brings the signals in.
    wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `vrd-${kind}-wendy`);
  });
  afterAll(async () => storage.close());

  it('keeps exactly what the rule keeps, with only their events, after one sync', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(signalArb, { minLength: 1, maxLength: 6 }),
        fc.nat(5),
        async (signals, pick) => {
          run += 1;
          const ids = signals.map((_, i) => `vrd${run}-${kind}-s${i}`);
          expect(
            (
              await pushAfterImport(
                app,
                storage,
                wendy,
                signals.flatMap((s, i) => mutationsFor(ids[i] ?? '', s)),
              )
            ).status,
          ).toBe(200);
          const database = new DichtbijDb(`vroeg-retention-${kind}-${run}`);
          resetVault();
          await setUpPin('246810', database);
          const transport = transportFor(app);
          try {
            await login(
              'wijkteam@demo.dichtbij',
              PASSWORDS['wijkteam@demo.dichtbij'] ?? '',
              database,
              transport,
            );
            expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
            const mine = (await database.signals.toArray()).filter((r) => ids.includes(r.id));
            expect(mine).toHaveLength(ids.length);

            // Offline, she notes an attempt on one of them (maybe one the rule erases).
            const target = ids[pick % ids.length] ?? '';
            await appendEvent(
              'signal',
              target,
              { kind: 'note', body: { text: 'niet thuis' } },
              database,
            );

            const erased = await applyVroegRetention({ storage }, 12, NOW);
            const expectedKept = ids.filter((_, i) => kept(signals[i] as Gen));
            expect(erased).toBe(ids.length - expectedKept.length);

            expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
            const left = (await database.signals.toArray())
              .map((r) => r.id)
              .filter((id) => ids.includes(id));
            expect(left.sort()).toEqual([...expectedKept].sort());
            const events = (await database.events.toArray()).filter((e) =>
              ids.includes(e.entityId),
            );
            for (const e of events) expect(expectedKept).toContain(e.entityId);
            // Every kept signal still has its history: its events and her note.
            for (const id of expectedKept) {
              const s = signals[ids.indexOf(id)] as Gen;
              const n = (s.attempt ? 1 : 0) + s.help.length + (id === target ? 1 : 0);
              expect(events.filter((e) => e.entityId === id)).toHaveLength(n);
            }
            // Her note on an erased signal is not lost in silence: it is kept as a refusal.
            const refused = await database.rejected.toArray();
            if (!expectedKept.includes(target)) {
              expect(refused.map((r) => [r.entityId, r.reason])).toEqual([
                [target, 'recordDeleted'],
              ]);
            } else {
              expect(refused).toEqual([]);
            }
          } finally {
            resetVault();
            await database.delete();
          }
        },
      ),
      { numRuns: 8, seed: 1730 },
    );
  });

  it('leaves the device’s own retention of closed records working', async () => {
    run += 1;
    const id = `vrd${run}-${kind}-closed`;
    await pushAfterImport(app, storage, wendy, [
      ...mutationsFor(id, { vroeg: true, hoursOld: 10, help: ['aanvaard'], attempt: true }),
      mutation({ entityId: id, op: 'patch', payload: { status: 'afgerond' } }),
    ]);
    const database = new DichtbijDb(`vroeg-retention-closed-${kind}`);
    resetVault();
    await setUpPin('246810', database);
    const transport = transportFor(app);
    try {
      await login(
        'wijkteam@demo.dichtbij',
        PASSWORDS['wijkteam@demo.dichtbij'] ?? '',
        database,
        transport,
      );
      expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
      const record = await database.signals.get(id);
      expect(record?.status).toBe('afgerond');
      if (!record) throw new Error('not synced');
      const plain = await openRecord(record);
      expect(plain.data).toMatchObject({ source: 'vroegsignaal' });
      // An unsynced edit keeps another closed record on the device.
      await writeRecords(
        [
          {
            record: { ...plain, data: { ...(plain.data as object), x: 1 } },
            op: 'patch',
            payload: { x: 1 },
          },
        ],
        database,
      );
      expect(
        (await removeExpiredClosedRecords(new Date('2027-06-01'), 30, undefined, database)).signal,
      ).toBe(0);
      expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
      const removed = await removeExpiredClosedRecords(
        new Date('2027-06-01'),
        30,
        undefined,
        database,
      );
      expect(removed.signal).toBeGreaterThanOrEqual(1);
      expect(await database.signals.get(id)).toBeUndefined();
      expect((await database.events.toArray()).filter((e) => e.entityId === id)).toEqual([]);
    } finally {
      resetVault();
      await database.delete();
    }
  });
});
