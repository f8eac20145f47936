import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { sealRecord } from '../../../../src/data/crypto/record-crypto';
import { appendEvent, writeRecords } from '../../../../src/data/repositories/records';
import { removeExpiredClosedRecords } from '../../../../src/data/lock/retention';
import { withUnlockedVault } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`retention-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  await database.delete();
});

const NOW = new Date('2026-11-23T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function rec(
  id: string,
  entityType: 'check' | 'signal',
  status: string,
  version: number,
  closedDaysAgo: number,
): PlainRecord {
  return {
    id,
    entityType,
    version,
    status,
    createdAt: daysAgo(120),
    updatedAt: daysAgo(closedDaysAgo),
    data: { name: `Bewoner ${id}` },
  };
}

/** Stores as the sync client does for pulled (synced) records: sealed, no outbox entry. */
async function pulled(r: PlainRecord): Promise<void> {
  const table = r.entityType === 'check' ? database.checks : database.signals;
  await table.put(await sealRecord(r));
}

describe('removeExpiredClosedRecords', () => {
  it('removes exactly the closed, synced records closed longer than the retention period', async () => {
    await pulled(rec('s-gone', 'signal', 'afgerond', 4, 31));
    await pulled(rec('s-gone-2', 'signal', 'geen-contact-mogelijk', 2, 90));
    await pulled(rec('c-gone', 'check', 'afgerond', 1, 45));
    await pulled(rec('s-recent', 'signal', 'afgerond', 4, 29)); // not expired yet
    await pulled(rec('s-open', 'signal', 'opgepakt', 4, 200)); // not closed
    await pulled(rec('c-open', 'check', 'open', 1, 200));
    // Closed and old, but never synced (version 0): stays.
    await pulled(rec('s-unsynced', 'signal', 'afgerond', 0, 60));
    // Closed, old and synced, but with a change still in the outbox: stays.
    await pulled(rec('s-pending', 'signal', 'afgerond', 3, 60));
    await appendEvent('signal', 's-pending', { kind: 'note', body: 'nog versturen' }, database);
    await database.signals.update('s-pending', { updatedAt: daysAgo(60) });
    // Events of a removed record go with it.
    await database.events.put({
      id: 'e1',
      entityType: 'signal',
      entityId: 's-gone',
      kind: 'status',
      status: 'afgerond',
      createdAt: daysAgo(31),
      version: 5,
    });

    const removed = await removeExpiredClosedRecords(NOW, 30, undefined, database);

    expect(removed).toEqual({ check: 1, signal: 2, toekomst: 0 });
    expect((await database.signals.toCollection().primaryKeys()).sort()).toEqual([
      's-open',
      's-pending',
      's-recent',
      's-unsynced',
    ]);
    expect(await database.checks.toCollection().primaryKeys()).toEqual(['c-open']);
    expect(await database.events.get('e1')).toBeUndefined();
    // The pending record's own event stays with it.
    expect(
      await database.events.where('[entityType+entityId]').equals(['signal', 's-pending']).count(),
    ).toBe(1);
  });

  it('honours a custom retention period and closed set', async () => {
    await pulled(rec('c1', 'check', 'klaar', 2, 10));
    await pulled(rec('c2', 'check', 'afgerond', 2, 10));
    const removed = await removeExpiredClosedRecords(
      NOW,
      7,
      { check: ['klaar'], signal: [], toekomst: [] },
      database,
    );
    expect(removed).toEqual({ check: 1, signal: 0, toekomst: 0 });
    expect(await database.checks.toCollection().primaryKeys()).toEqual(['c2']);
  });

  it('does not count a record written on this device and not yet pushed', async () => {
    const r = rec('c3', 'check', 'afgerond', 0, 100);
    await writeRecords([{ record: r, op: 'put', payload: r.data }], database);
    expect(await removeExpiredClosedRecords(NOW, 30, undefined, database)).toEqual({
      check: 0,
      signal: 0,
      toekomst: 0,
    });
  });
});
