import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import {
  decryptPayload,
  openOutboxEntry,
  sealRecord,
} from '../../../../src/data/crypto/record-crypto';
import { isEncryptedBlob } from '../../../../src/data/crypto/envelope';
import { listRecords, readRecord, writeRecords } from '../../../../src/data/repositories/records';
import { StorageFullError } from '../../../../src/data/lock/storage';
import { withUnlockedVault } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`records-crypto-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

function signal(i: number, status = 'nieuw'): PlainRecord {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  return {
    id: `s${String(i).padStart(4, '0')}`,
    entityType: 'signal',
    version: 0,
    createdAt: at,
    updatedAt: at,
    wijk: i % 2 === 0 ? 'wielwijk' : 'crabbehof',
    status,
    data: { resident: `Bewoner ${i}`, amount: i * 10 },
  };
}

describe('repository with encryption', () => {
  it('keeps index fields clear and data/payload encrypted; the sync API opens the payload', async () => {
    await writeRecords([{ record: signal(1), op: 'put', payload: signal(1).data }], database);
    const stored = (await database.signals.get('s0001'))!;
    expect(stored.wijk).toBe('crabbehof');
    expect(stored.status).toBe('nieuw');
    expect(isEncryptedBlob(stored.data)).toBe(true);
    const entry = (await database.outbox.toArray())[0]!;
    expect(isEncryptedBlob(entry.payload)).toBe(true);
    expect(entry.meta).toMatchObject({ wijk: 'crabbehof', status: 'nieuw' });
    expect(await decryptPayload(entry)).toEqual({ resident: 'Bewoner 1', amount: 10 });
    expect((await openOutboxEntry(entry)).payload).toEqual({ resident: 'Bewoner 1', amount: 10 });
  });

  it('still computes changed fields and the base version from the decrypted previous record', async () => {
    const pulled = await sealRecord({ ...signal(2), version: 3 });
    await database.signals.put(pulled);
    const next = { ...signal(2), version: 3, data: { resident: 'Bewoner 2', amount: 99 } };
    await writeRecords([{ record: next, op: 'put', payload: next.data }], database);
    const entry = (await database.outbox.toArray())[0]!;
    expect(entry.baseVersion).toBe(3);
    expect(entry.changedFields).toEqual(['amount']);
  });

  it('lists a page through an index and decrypts only that page', async () => {
    const writes = Array.from({ length: 30 }, (_, i) => ({
      record: signal(i),
      op: 'put' as const,
      payload: signal(i).data,
    }));
    await writeRecords(writes, database);
    const page = await listRecords(
      'signal',
      { where: { index: 'wijk', equals: 'wielwijk' }, limit: 10 },
      database,
    );
    expect(page.total).toBe(15);
    expect(page.items).toHaveLength(10);
    expect(page.items.every((r) => r.wijk === 'wielwijk')).toBe(true);
    expect(page.items[0]?.data).toMatchObject({ resident: expect.stringMatching(/^Bewoner \d+$/) });
    const newest = await listRecords('signal', { limit: 1 }, database);
    expect(newest.items[0]?.id).toBe('s0029');
    expect((await readRecord('signal', 's0029', database))?.data).toEqual({
      resident: 'Bewoner 29',
      amount: 290,
    });
  });

  it('turns a full disk into StorageFullError and acknowledges nothing', async () => {
    vi.spyOn(database.outbox, 'add').mockRejectedValue(
      new DOMException('quota', 'QuotaExceededError'),
    );
    await expect(
      writeRecords([{ record: signal(5), op: 'put', payload: signal(5).data }], database),
    ).rejects.toMatchObject({ name: 'StorageFullError', reason: 'storage-full' });
    await expect(
      writeRecords([{ record: signal(5), op: 'put', payload: signal(5).data }], database),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await database.signals.count()).toBe(0);
  });
});
