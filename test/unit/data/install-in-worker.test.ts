import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import { readStoredCatalogue } from '../../../src/data/catalogue/catalogue-store';
import {
  installShippedInWorker,
  type InstallReply,
  type InstallRequest,
  type StartWorker,
} from '../../../src/data/catalogue/install-in-worker';
import { fixtureCatalogue } from '../../fixtures/catalogue';

let database: DichtbijDb;
let n = 0;

beforeEach(() => {
  database = new DichtbijDb(`install-worker-test-${n++}`);
});
afterEach(async () => {
  await database.delete();
});

/** A worker that answers as told, and remembers what it was asked and whether it was ended. */
function fakeWorker(answer: (request: InstallRequest) => InstallReply | 'crash') {
  const seen = { requests: [] as InstallRequest[], terminated: 0 };
  const start: StartWorker = () => {
    const worker: ReturnType<StartWorker> = {
      onmessage: null,
      onerror: null,
      postMessage(message: InstallRequest) {
        seen.requests.push(message);
        const reply = answer(message);
        queueMicrotask(() => {
          if (reply === 'crash') worker.onerror?.(new ErrorEvent('error'));
          else worker.onmessage?.(new MessageEvent('message', { data: reply }));
        });
      },
      terminate() {
        seen.terminated += 1;
      },
    };
    return worker;
  };
  return { start, seen };
}

describe('installing the shipped catalogue in a worker', () => {
  it("asks the worker for the version on screen in this worker's database, and writes nothing itself when it succeeds", async () => {
    const catalogue = fixtureCatalogue('fixture-7');
    const { start, seen } = fakeWorker(() => ({ ok: true }));
    await installShippedInWorker(catalogue, database, start);
    expect(seen.requests).toEqual([{ dbName: database.name, version: 'fixture-7' }]);
    expect(seen.terminated).toBe(1);
    // The main thread left the writing to the worker (which this fake did not do).
    expect(await database.regelingen.count()).toBe(0);
  });

  it.each([
    [
      'the worker reports a failure',
      () => fakeWorker(() => ({ ok: false, reason: 'QuotaExceededError' })).start,
    ],
    ['the worker crashes', () => fakeWorker(() => 'crash').start],
    [
      'no worker can be started',
      (): StartWorker => () => {
        throw new Error('SecurityError');
      },
    ],
    ['the browser has no workers', () => undefined],
  ])('installs on the main thread when %s: the device copy is not left out', async (_, make) => {
    const catalogue = fixtureCatalogue('fixture-8');
    await installShippedInWorker(catalogue, database, make());
    const stored = await readStoredCatalogue(database);
    expect(stored?.catalogue.version).toBe('fixture-8');
    expect(stored?.meta.origin).toBe('shipped');
    expect(await database.regelingen.count()).toBe(catalogue.regelingen.length);
  });
});
