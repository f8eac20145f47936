import 'fake-indexeddb/auto';
import { DichtbijDb } from '../../src/data/db';
import type { StoredRecord } from '../../src/data/db';
import type { PlainRecord } from '../../src/data/crypto/record-crypto';
import { sealRecordUnlocked } from '../../src/data/crypto/record-crypto';
import { resetVault, setUpPin, unlock, lock } from '../../src/data/crypto/vault';
import { listRecords, writeRecords } from '../../src/data/repositories/records';
import { newId } from '../../src/data/ids';
import { RECORD_SCHEMA_VERSION } from '../../src/domain/records/record-schema';
import { summarise } from './stats';

/**
 * The cost of encryption at rest, in Node with fake-indexeddb (so IndexedDB itself is slower
 * than in a browser and the ratios understate nothing about WebCrypto, which is Node's native
 * one). Encrypted = through the repository (encrypt, then record + outbox in one transaction);
 * unencrypted = the same put + outbox add in one transaction, data in the clear.
 */

const WIJKEN = ['wielwijk', 'crabbehof', 'sterrenburg', 'oud-krispijn', 'stadspolders'];
const STATUSES = ['nieuw', 'opgepakt', 'contact-gelegd', 'doorverwezen', 'afgerond'];

/** About the size of a finished bestaanszekerheidscheck: household, incomes, costs, answers, notes. */
function checkData(i: number): Record<string, unknown> {
  return {
    resident: {
      name: `Bewoner ${i}`,
      birthYear: 1970 + (i % 40),
      phone: '0612345678',
      address: `Straat ${i}`,
    },
    household: { adults: 2, children: [{ age: 4 }, { age: 9 }], partner: `Partner ${i}` },
    incomes: [
      { kind: 'loon', monthly: 1850.5 },
      { kind: 'toeslag-huur', monthly: 312 },
      { kind: 'kindgebonden-budget', monthly: 145.25 },
    ],
    costs: { rent: 845, energy: 190, insurance: 286, debts: [{ creditor: 'x', monthly: 75 }] },
    answers: Object.fromEntries(
      Array.from({ length: 40 }, (_, q) => [`q${q}`, q % 3 === 0 ? 'ja' : 'nee']),
    ),
    notes: 'Gesprek aan de keukentafel. '.repeat(12),
    outcome: { regelingen: ['bijzondere-bijstand', 'kwijtschelding', 'meedoenpas'], total: 1234.5 },
  };
}

function signalData(i: number): Record<string, unknown> {
  return {
    resident: `Bewoner ${i}`,
    category: 'betalingsachterstand',
    urgency: i % 3,
    note: `Huurachterstand ${i % 4000} euro, brief van de verhuurder.`,
  };
}

function isoAt(i: number): string {
  return new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function timeSaves(
  save: (i: number) => Promise<void>,
  count: number,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 10; i++) await save(-1 - i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await save(i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

function checkRecord(i: number): PlainRecord {
  const at = new Date().toISOString();
  return {
    id: `check-${i}`,
    entityType: 'check',
    version: 0,
    createdAt: at,
    updatedAt: at,
    wijk: 'wielwijk',
    status: 'open',
    data: checkData(i),
  };
}

async function saveFigures(): Promise<Record<string, number>> {
  const encDb = new DichtbijDb(`bench-enc-save-${newId()}`);
  const plainDb = new DichtbijDb(`bench-plain-save-${newId()}`);
  const pin = '246810';
  resetVault();
  await setUpPin(pin, encDb);
  const encrypted = await timeSaves(async (i) => {
    const record = checkRecord(i);
    await writeRecords([{ record, op: 'put', payload: record.data }], encDb);
  }, 200);
  const plain = await timeSaves(async (i) => {
    const record = checkRecord(i);
    await plainDb.transaction('rw', plainDb.checks, plainDb.outbox, async () => {
      await plainDb.checks.get(record.id);
      await plainDb.checks.put(record);
      await plainDb.outbox.add({
        mutationId: newId(),
        entityType: 'check',
        entityId: record.id,
        op: 'put',
        baseVersion: 0,
        payload: record.data,
        schemaVersion: RECORD_SCHEMA_VERSION,
        createdAt: record.createdAt,
        attempts: 0,
      });
    });
  }, 200);
  // The unlock the worker waits for: PBKDF2-SHA256 at 600,000 iterations.
  lock();
  const unlockStart = performance.now();
  await unlock(pin, encDb);
  const unlockMs = performance.now() - unlockStart;
  await encDb.delete();
  await plainDb.delete();
  return {
    save_check_encrypted_median_ms: encrypted.median,
    save_check_encrypted_p95_ms: encrypted.p95,
    save_check_plain_median_ms: plain.median,
    save_check_plain_p95_ms: plain.p95,
    save_check_ratio: round(encrypted.median / plain.median),
    check_json_bytes: JSON.stringify(checkData(1)).length,
    unlock_pbkdf2_600k_ms: round(unlockMs),
  };
}

const SIGNALS = 20_000;

async function fillSignals(database: DichtbijDb, encrypt: boolean): Promise<void> {
  for (let start = 0; start < SIGNALS; start += 1000) {
    const chunk: PlainRecord[] = [];
    for (let i = start; i < start + 1000; i++) {
      chunk.push({
        id: `signal-${String(i).padStart(6, '0')}`,
        entityType: 'signal',
        version: 1,
        createdAt: isoAt(i),
        updatedAt: isoAt(i),
        wijk: WIJKEN[i % WIJKEN.length]!,
        status: STATUSES[i % STATUSES.length]!,
        data: signalData(i),
      });
    }
    const rows: StoredRecord[] = encrypt
      ? await Promise.all(chunk.map((r) => sealRecordUnlocked(r)))
      : chunk;
    await database.signals.bulkPut(rows);
  }
}

/** Opening a list: count all matches on an index, and show (decrypt) the first page of 50. */
async function listFigures(): Promise<Record<string, number>> {
  const encDb = new DichtbijDb(`bench-enc-list-${newId()}`);
  const plainDb = new DichtbijDb(`bench-plain-list-${newId()}`);
  resetVault();
  await setUpPin('246810', encDb);
  const fillStart = performance.now();
  await fillSignals(encDb, true);
  const fillEncMs = performance.now() - fillStart;
  const fillPlainStart = performance.now();
  await fillSignals(plainDb, false);
  const fillPlainMs = performance.now() - fillPlainStart;

  const encSamples: number[] = [];
  const plainSamples: number[] = [];
  for (let round = 0; round < 12; round++) {
    const wijk = WIJKEN[round % WIJKEN.length]!;
    let start = performance.now();
    const enc = await listRecords(
      'signal',
      { where: { index: 'wijk', equals: wijk }, limit: 50 },
      encDb,
    );
    if (round > 1) encSamples.push(performance.now() - start);
    start = performance.now();
    const collection = plainDb.signals.where('wijk').equals(wijk);
    const [total, items] = await Promise.all([
      collection.clone().count(),
      collection.clone().limit(50).toArray(),
    ]);
    if (round > 1) plainSamples.push(performance.now() - start);
    if (enc.total !== total || enc.items.length !== items.length) throw new Error('lists differ');
  }
  const enc = summarise(encSamples);
  const plain = summarise(plainSamples);
  await encDb.delete();
  await plainDb.delete();
  resetVault();
  return {
    signals: SIGNALS,
    list_open_encrypted_median_ms: enc.median,
    list_open_encrypted_p95_ms: enc.p95,
    list_open_plain_median_ms: plain.median,
    list_open_plain_p95_ms: plain.p95,
    list_open_ratio: round(enc.median / plain.median),
    fill_20k_encrypted_ms: round(fillEncMs),
    fill_20k_plain_ms: round(fillPlainMs),
  };
}

/** Figures for `npm run bench`; measured in Node with fake-indexeddb (key names say so). */
export async function run(): Promise<Record<string, number>> {
  const save = await saveFigures();
  const list = await listFigures();
  const figures: Record<string, number> = {};
  for (const [k, v] of Object.entries({ ...save, ...list })) figures[`node_fakeidb_${k}`] = v;
  return figures;
}
