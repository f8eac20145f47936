import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import {
  ensureCatalogue,
  installCatalogue,
  readStoredCatalogue,
} from '../../../src/data/catalogue/catalogue-store';
import { fixtureCatalogue } from '../../fixtures/catalogue';

let database: DichtbijDb;
let n = 0;

beforeEach(() => {
  database = new DichtbijDb(`catalogue-test-${n++}`);
});
afterEach(async () => {
  await database.delete();
});

const shipped =
  (version = 'fixture-1') =>
  async () =>
    fixtureCatalogue(version);

describe('ensureCatalogue', () => {
  it('loads the shipped catalogue on first start and stores it', async () => {
    const result = await ensureCatalogue(database, shipped());
    expect(result.stored).toBe(true);
    expect(await database.regelingen.count()).toBe(4);
    const stored = await readStoredCatalogue(database);
    expect(stored?.catalogue.version).toBe('fixture-1');
    expect(stored?.catalogue.regelingen.map((r) => r.id).sort()).toEqual(
      fixtureCatalogue()
        .regelingen.map((r) => r.id)
        .sort(),
    );
  });

  it('uses the stored catalogue when the shipped one cannot be fetched (offline)', async () => {
    await ensureCatalogue(database, shipped());
    const result = await ensureCatalogue(database, async () => {
      throw new Error('offline');
    });
    expect(result.catalogue.version).toBe('fixture-1');
  });

  it('fails clearly when there is neither a stored nor a shipped catalogue', async () => {
    await expect(
      ensureCatalogue(database, async () => {
        throw new Error('offline');
      }),
    ).rejects.toThrow('offline');
  });

  it('replaces the whole catalogue when an update ships a newer one', async () => {
    await ensureCatalogue(database, shipped('v1'));
    const next = fixtureCatalogue('v2');
    next.regelingen = next.regelingen.filter((r) => r.id !== 'energiehulp');
    const result = await ensureCatalogue(database, async () => next);
    expect(result.catalogue.version).toBe('v2');
    expect(await database.regelingen.get('energiehulp')).toBeUndefined();
    expect((await readStoredCatalogue(database))?.catalogue.version).toBe('v2');
  });

  it('rebuilds a catalogue with missing records', async () => {
    await ensureCatalogue(database, shipped());
    await database.regelingen.delete('dordtpas');
    expect(await readStoredCatalogue(database)).toBeUndefined();
    await ensureCatalogue(database, shipped());
    expect(await database.regelingen.get('dordtpas')).toBeDefined();
  });

  it('rebuilds a catalogue with damaged records', async () => {
    await ensureCatalogue(database, shipped());
    await database.regelingen.put({ id: 'dordtpas', name: 42 } as never);
    await database.wijken.put({ id: 'crabbehof', name: null } as never);
    const result = await ensureCatalogue(database, shipped());
    expect(result.stored).toBe(true);
    expect((await database.regelingen.get('dordtpas'))?.name).toBe('Dordtpas');
    expect((await database.wijken.get('crabbehof'))?.name).toBe('Crabbehof');
  });

  it('rebuilds when the catalogue metadata is damaged', async () => {
    await ensureCatalogue(database, shipped());
    await database.meta.put({ key: 'catalogue', value: 'garbage' });
    await ensureCatalogue(database, shipped());
    expect(await readStoredCatalogue(database)).toBeDefined();
  });

  it('keeps a newer catalogue published on the server until the app ships a new one', async () => {
    await ensureCatalogue(database, shipped('shipped-1'));
    await installCatalogue(fixtureCatalogue('server-7'), 'server', 'shipped-1', database);
    expect((await ensureCatalogue(database, shipped('shipped-1'))).catalogue.version).toBe(
      'server-7',
    );
    expect((await ensureCatalogue(database, shipped('shipped-2'))).catalogue.version).toBe(
      'shipped-2',
    );
  });

  it('still serves the shipped catalogue when the device cannot store it', async () => {
    const broken = new DichtbijDb('broken');
    broken.transaction = (() => Promise.reject(new Error('QuotaExceededError'))) as never;
    const result = await ensureCatalogue(broken, shipped());
    expect(result).toMatchObject({ stored: false, catalogue: { version: 'fixture-1' } });
    await broken.delete();
  });

  it('hands the shipped catalogue over to show before the device copy is written', async () => {
    const shownWhileStored: number[] = [];
    const result = await ensureCatalogue(database, shipped(), {
      showEarly: (c) => {
        expect(c.version).toBe('fixture-1');
        // Nothing is written yet at this moment: the first screen does not wait for the copy.
        shownWhileStored.push(-1);
        void database.regelingen.count().then((n) => shownWhileStored.push(n));
      },
    });
    expect(shownWhileStored[0]).toBe(-1);
    expect(shownWhileStored[1]).toBe(0);
    expect(result.stored).toBe(true);
    expect(await database.regelingen.count()).toBe(4);
  });

  it('keeps the shown object when the stored copy is the same version', async () => {
    await ensureCatalogue(database, shipped());
    const fetched = fixtureCatalogue();
    let shown: unknown;
    const result = await ensureCatalogue(database, async () => fetched, {
      showEarly: (c) => (shown = c),
      checkStoredLater: async () => {},
    });
    expect(shown).toBe(fetched);
    expect(result.catalogue).toBe(fetched);
  });

  it('checks the stored copy of the version on screen only later, and still repairs a damaged one', async () => {
    await ensureCatalogue(database, shipped());
    // Damaged: a record lost, the meta row still promising the whole version.
    await database.regelingen.delete((await database.regelingen.toCollection().first())!.id);
    let release: () => void = () => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    let shown = false;
    let done = false;
    const result = ensureCatalogue(database, shipped(), {
      showEarly: () => (shown = true),
      checkStoredLater: () => later,
    }).then((r) => ((done = true), r));
    await expect.poll(() => shown).toBe(true);
    // The first screen has its catalogue; the device's copy is not read or rewritten meanwhile.
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    expect(await database.regelingen.count()).toBe(3);
    release();
    expect(await result).toMatchObject({ stored: true });
    expect(await database.regelingen.count()).toBe(4);
  });

  it('shows nothing early while a published version is current: that one is read first', async () => {
    await ensureCatalogue(database, shipped('shipped-1'));
    await installCatalogue(fixtureCatalogue('server-7'), 'server', 'shipped-1', database);
    const early: string[] = [];
    const result = await ensureCatalogue(database, shipped('shipped-1'), {
      showEarly: (c) => early.push(c.version),
    });
    expect(early).toEqual([]);
    expect(result.catalogue.version).toBe('server-7');
  });
});
