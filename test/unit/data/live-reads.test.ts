import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../src/data/crypto/vault';
import { DichtbijDb } from '../../../src/data/db';
import { appendEvent } from '../../../src/data/repositories/records';
import type { SignalDetail } from '../../../src/data/repositories/signals';
import { readSignal } from '../../../src/data/repositories/signals';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { vroegsignaalRecord } from '../helpers/vroegsignalen';

/**
 * Screens read records live (useLiveQuery). A read that decrypts between two IndexedDB reads
 * must still be told about changes to the table it read after decrypting: Dexie only observes
 * what it sees inside its zone, and the Web Crypto promise leaves that zone unless wrapped.
 * This caught a visit screen that saved "hulp aanvaard" but never showed it: the help event
 * touches only the events table, which the live read had stopped observing.
 */
let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`live-reads-${n++}`);
  await unlockVaultFor(database);
  await database.signals.put(
    await sealRecordUnlocked(
      vroegsignaalRecord({ id: 'v-1', street: 'Proefstraat', houseNumber: 1 }),
    ),
  );
});
afterEach(async () => {
  resetVault();
  database.close();
  await database.delete();
});

describe('a live read of one signal', () => {
  it('shows an event that changes only the events table', async () => {
    const seen: SignalDetail[] = [];
    const subscription = liveQuery(async () => await readSignal('v-1', database)).subscribe(
      (value) => {
        if (value) seen.push(value);
      },
    );
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      await appendEvent(
        'signal',
        'v-1',
        { kind: 'note', body: { message: 'Brief is bezorgd' }, createdBy: 'demo-wijkteam' },
        database,
      );
      await expect
        .poll(() => seen.at(-1)?.state.history.some((step) => step.kind === 'note'), {
          timeout: 3000,
        })
        .toBe(true);
    } finally {
      subscription.unsubscribe();
    }
  });
});
