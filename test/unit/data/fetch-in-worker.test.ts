import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/domain/catalogue/schema';
import {
  fetchShippedInWorker,
  type StartFetchWorker,
} from '../../../src/data/catalogue/fetch-in-worker';
import { CATALOGUE_TABLES, type FetchMessage } from '../../../src/data/catalogue/fetch-messages';
import { fixtureCatalogue } from '../../fixtures/catalogue';

/** Plays the worker: sends the given messages, one task each, once asked. */
function fakeWorker(messages: (FetchMessage | 'crash')[]) {
  const seen = { asked: 0, terminated: 0 };
  const start: StartFetchWorker = () => {
    const worker: ReturnType<StartFetchWorker> = {
      onmessage: null,
      onerror: null,
      postMessage() {
        seen.asked += 1;
        void (async () => {
          for (const message of messages) {
            await new Promise((r) => setTimeout(r, 0));
            if (message === 'crash') worker.onerror?.(new ErrorEvent('error'));
            else worker.onmessage?.(new MessageEvent('message', { data: message }));
          }
        })();
      },
      terminate() {
        seen.terminated += 1;
      },
    };
    return worker;
  };
  return { start, seen };
}

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
    const { start, seen } = fakeWorker(inPieces(catalogue));
    expect(await fetchShippedInWorker(start, noFallback)).toEqual(catalogue);
    expect(seen).toEqual({ asked: 1, terminated: 1 });
  });

  it('reports what the worker met when catalogue.json cannot be read (offline), and does not retry on the main thread', async () => {
    const { start } = fakeWorker([{ kind: 'failed', name: 'OfflineError' }]);
    await expect(fetchShippedInWorker(start, noFallback)).rejects.toMatchObject({
      name: 'OfflineError',
    });
  });

  it('shows nothing that is not shaped like a catalogue', async () => {
    const { start } = fakeWorker([
      { kind: 'records', table: 'regelingen', records: [{ title: 'no id' }] },
      { kind: 'done', version: 'fixture-4' },
    ]);
    await expect(fetchShippedInWorker(start, noFallback)).rejects.toThrow(/not a catalogue/);
  });

  it('fetches on the main thread when the worker crashes or cannot start', async () => {
    const catalogue = fixtureCatalogue('fixture-5');
    const fallback = async () => catalogue;
    expect(await fetchShippedInWorker(fakeWorker(['crash']).start, fallback)).toBe(catalogue);
    const cannotStart: StartFetchWorker = () => {
      throw new Error('SecurityError');
    };
    expect(await fetchShippedInWorker(cannotStart, fallback)).toBe(catalogue);
    expect(await fetchShippedInWorker(undefined, fallback)).toBe(catalogue);
  });
});
