import { afterEach, beforeEach } from 'vitest';
import type { DichtbijDb } from '../../../src/data/db';
import { resetVault, setUpPin } from '../../../src/data/crypto/vault';

export const TEST_PIN = '246810';

/**
 * Sets up a PIN on `database` and leaves the vault unlocked, so repository writes (which refuse
 * while locked) work in tests of other modules. One PBKDF2 run: ~0.15 s.
 */
export async function unlockVaultFor(database: DichtbijDb, pin = TEST_PIN): Promise<void> {
  resetVault();
  await setUpPin(pin, database);
}

/**
 * Registers beforeEach/afterEach hooks: a fresh unlocked vault on the database `current()`
 * returns (call after your own beforeEach that creates it), and a reset vault afterwards.
 */
export function withUnlockedVault(current: () => DichtbijDb, pin = TEST_PIN): void {
  beforeEach(async () => {
    await unlockVaultFor(current(), pin);
  });
  afterEach(() => {
    resetVault();
  });
}
