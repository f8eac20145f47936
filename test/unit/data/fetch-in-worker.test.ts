import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/domain/catalogue/schema';
import {
  fetchShippedInWorker,
  type StartFetchWorker,
} from '../../../src/data/catalogue/fetch-in-worker';
import { CATALOGUE_TABLES } from '../../../src/domain/catalogue/checksum';
import type { FetchMessage } from '../../../src/data/catalogue/fetch-messages';
import { fixtureCatalogue } from '../../fixtures/catalogue';
import { fakeWorker } from '../helpers/fake-worker';

/** Plays the worker: sends the given messages, one task each, once asked. */
const fetchWorker = (messages: (FetchMessage | 'crash')[]) =>
  fakeWorker<'fetch', FetchMessage>(() => messages);

/** The messages the real worker sends for a catalogue: pieces of two records, then done. */
function inPieces(catalogue: Catalogue): FetchMessage[] {
  const messages: FetchMessage[] = [];
  for (const table of CATALOGUE_TABLES)
    for (let i = 0; i < catalogue[table].length; i += 2)
      messages.push({ kind: 'records', table, records: catalogue[table].slice(i, i + 2) });
  messages.push({ kind: 'done', version: catalogue.version });
  return messages;
}

const noFallback = () => Promise.reject(new Error('the main thread was not to fetch it'));

describe('reading catalogue.json in a worker', () => {
  it('puts the pieces back together into the catalogue the worker read', async () => {
    const catalogue = fixtureCatalogue('fixture-3');
    const { start, seen } = fetchWorker(inPieces(catalogue));
    expect(await fetchShippedInWorker(start, noFallback)).toEqual(catalogue);
    expect(seen).toEqual({ requests: ['fetch'], terminated: 1 });
  });

  it('reports what the worker met when catalogue.json cannot be read (offline), and does not retry on the main thread', async () => {
    const { start } = fetchWorker([{ kind: 'failed', name: 'OfflineError' }]);
    await expect(fetchShippedInWorker(start, noFallback)).rejects.toMatchObject({
      name: 'OfflineError',
    });
  });

  it('shows nothing that is not shaped like a catalogue', async () => {
    const { start } = fetchWorker([
      { kind: 'records', table: 'regelingen', records: [{ title: 'no id' }] },
      { kind: 'done', version: 'fixture-4' },
    ]);
    await expect(fetchShippedInWorker(start, noFallback)).rejects.toThrow(/not a catalogue/);
  });

  it('fetches on the main thread when the worker crashes or cannot start', async () => {
    const catalogue = fixtureCatalogue('fixture-5');
    const fallback = async () => catalogue;
    expect(await fetchShippedInWorker(fetchWorker(['crash']).start, fallback)).toBe(catalogue);
    const cannotStart: StartFetchWorker = () => {
      throw new Error('SecurityError');
    };
    expect(await fetchShippedInWorker(cannotStart, fallback)).toBe(catalogue);
    expect(await fetchShippedInWorker(undefined, fallback)).toBe(catalogue);
  });
});
