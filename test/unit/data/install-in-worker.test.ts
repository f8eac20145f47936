import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import { readStoredCatalogue } from '../../../src/data/catalogue/catalogue-store';
import {
  installShippedInWorker,
  type InstallReply,
  type InstallRequest,
  type StartInstallWorker,
} from '../../../src/data/catalogue/install-in-worker';
import { fixtureCatalogue } from '../../fixtures/catalogue';
import { fakeWorker } from '../helpers/fake-worker';

let database: DichtbijDb;
let n = 0;

beforeEach(() => {
  database = new DichtbijDb(`install-worker-test-${n++}`);
});
afterEach(async () => {
  await database.delete();
});

/** A worker that answers as told, and remembers what it was asked and whether it was ended. */
const installWorker = (answer: (request: InstallRequest) => InstallReply | 'crash') =>
  fakeWorker<InstallRequest, InstallReply>((request) => [answer(request)]);

describe('installing the shipped catalogue in a worker', () => {
  it("asks the worker for the version on screen in this worker's database, and writes nothing itself when it succeeds", async () => {
    const catalogue = fixtureCatalogue('fixture-7');
    const { start, seen } = installWorker(() => ({ ok: true }));
    await installShippedInWorker(catalogue, database, start);
    expect(seen.requests).toEqual([{ dbName: database.name, version: 'fixture-7' }]);
    expect(seen.terminated).toBe(1);
    // The main thread left the writing to the worker (which this fake did not do).
    expect(await database.regelingen.count()).toBe(0);
  });

  it.each([
    [
      'the worker reports a failure',
      () => installWorker(() => ({ ok: false, reason: 'QuotaExceededError' })).start,
    ],
    ['the worker crashes', () => installWorker(() => 'crash').start],
    [
      'no worker can be started',
      (): StartInstallWorker => () => {
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
