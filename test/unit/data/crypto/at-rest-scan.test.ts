import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import {
  appendEvent,
  listEvents,
  readRecord,
  writeRecords,
} from '../../../../src/data/repositories/records';
import { withUnlockedVault } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`at-rest-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  database.close();
  await Dexie.delete(database.name);
});

/** Synthetic personal data: none of it may appear in IndexedDB in the clear. */
const SECRETS = [
  'Jolanda Bakhuizen',
  'Mohammed El Idrissi',
  'huurachterstand van 1843 euro',
  '18437.5',
  'Schuldhulp loopt via Stadsbank',
  'jolanda@example.org',
  '0612345678',
  'Vrieseweg 17',
  'diabetes type 2',
];

/**
 * Every value in every table of the database, serialised: strings as they are, binary (the
 * ciphertexts) decoded as UTF-8 and as Latin-1, so data stored as unencrypted bytes is caught too.
 */
async function rawDump(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open(); // no schema: opens whatever is on disk, without the app's code
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      const bytes =
        value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      parts.push(new TextDecoder('utf-8').decode(bytes), new TextDecoder('latin1').decode(bytes));
      return;
    }
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        parts.push(k);
        visit(v);
      }
      return;
    }
    parts.push(String(value));
  };
  try {
    for (const table of raw.tables) {
      parts.push(`#table ${table.name}`);
      for (const row of await table.toArray()) visit(row);
    }
  } finally {
    raw.close();
  }
  return parts.join('\n');
}

describe('data at rest', () => {
  it('stores no name, note or amount in the clear, not in records, outbox or events', async () => {
    const now = new Date().toISOString();
    const check = {
      name: SECRETS[0],
      partner: SECRETS[1],
      note: SECRETS[2],
      arrears: 18437.5,
      email: SECRETS[5],
      phone: SECRETS[6],
      address: SECRETS[7],
      health: SECRETS[8],
    };
    await writeRecords(
      [
        {
          record: {
            id: 'check-1',
            entityType: 'check',
            version: 0,
            createdAt: now,
            updatedAt: now,
            wijk: 'wielwijk',
            status: 'open',
            data: check,
          },
          op: 'put',
          payload: check,
        },
        {
          record: {
            id: 'signal-1',
            entityType: 'signal',
            version: 0,
            createdAt: now,
            updatedAt: now,
            wijk: 'crabbehof',
            status: 'nieuw',
            data: { resident: SECRETS[1], note: SECRETS[4] },
          },
          op: 'put',
          payload: { resident: SECRETS[1], note: SECRETS[4] },
        },
      ],
      database,
    );
    // A second write of the same record: a patch with an amount.
    const updated = { ...check, arrears: 18437.5, note: `${SECRETS[2]} (bijgewerkt)` };
    await writeRecords(
      [
        {
          record: {
            id: 'check-1',
            entityType: 'check',
            version: 0,
            createdAt: now,
            updatedAt: new Date().toISOString(),
            wijk: 'wielwijk',
            status: 'open',
            data: updated,
          },
          op: 'patch',
          payload: { note: updated.note, arrears: 18437.5 },
        },
      ],
      database,
    );
    await appendEvent('signal', 'signal-1', { kind: 'note', body: { text: SECRETS[4] } }, database);

    const dump = await rawDump(database.name);
    // The scanner sees the database: tables, index fields and the outbox are there.
    expect(dump).toContain('#table outbox');
    expect(dump).toContain('wielwijk');
    expect(dump).toContain('check-1');
    expect(await database.outbox.count()).toBe(4);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    // Field names of the personal data are inside the ciphertext too.
    expect(dump).not.toContain('arrears');

    // And the app reads it all back.
    expect((await readRecord('check', 'check-1', database))?.data).toEqual(updated);
    expect((await listEvents('signal', 'signal-1', database))[0]?.body).toEqual({
      text: SECRETS[4],
    });
  });
});
