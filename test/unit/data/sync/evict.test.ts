import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import { appendEvent, writeRecords } from '../../../../src/data/repositories/records';
import { applyPullPage } from '../../../../src/data/sync/apply-pull';
import { resetVault } from '../../../../src/data/crypto/vault';
import type { PullResponse } from '../../../../src/domain/sync/protocol';
import { unlockVaultFor } from '../../helpers/unlocked-vault';
import { signalRecord } from './fixtures';

/** Per-record eviction on the device (issue 10): a record that left the worker's scope goes. */
let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`evict-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

const page = (changes: PullResponse['changes']): PullResponse => ({
  changes,
  cursor: 20,
  hasMore: false,
  reset: false,
  scopeVersion: 0,
  catalogueVersion: null,
});

/** Two synced signals with a synced note each, as if pulled earlier. */
async function syncedRecords(): Promise<void> {
  await writeRecords(
    ['a', 'b'].map((id) => ({
      record: { ...signalRecord(id, { x: 1 }), version: 3 },
      op: 'put' as const,
      payload: { x: 1 },
    })),
    database,
  );
  await appendEvent('signal', 'a', { kind: 'note', body: { text: 'n' } }, database);
  await appendEvent('signal', 'b', { kind: 'note', body: { text: 'n' } }, database);
  await database.outbox.clear();
}

describe('eviction on the device', () => {
  it('drops an evicted record and its events, keeps the others, and moves the cursor', async () => {
    await syncedRecords();
    await applyPullPage(
      database,
      page([{ kind: 'evict', entityType: 'signal', id: 'a', version: 20 }]),
    );
    expect(await database.signals.get('a')).toBeUndefined();
    expect(await database.signals.get('b')).toBeDefined();
    const events = await database.events.toArray();
    expect(events.map((e) => e.entityId)).toEqual(['b']);
    expect((await database.meta.get('sync.cursor'))?.value).toEqual({
      cursor: 20,
      scopeVersion: 0,
    });
  });

  it('keeps the copy and the unsynced edit when the record has outbox entries', async () => {
    await syncedRecords();
    await writeRecords(
      [
        {
          record: { ...signalRecord('a', { x: 7 }), version: 3 },
          op: 'patch',
          payload: { x: 7 },
        },
      ],
      database,
    );
    await applyPullPage(
      database,
      page([{ kind: 'evict', entityType: 'signal', id: 'a', version: 20 }]),
    );
    // The edit is still on its way: the server refuses it on the next push and the device keeps
    // the refusal with the edit in `rejected` (covered in test/server/eviction.test.ts).
    expect(await database.signals.get('a')).toBeDefined();
    const pending = await database.outbox.toArray();
    expect(pending.map((e) => [e.entityId, e.op])).toEqual([['a', 'patch']]);
  });
});
