/**
 * Named errors of the vault, with a stable `reason` the app translates. They never carry
 * record contents, so they are safe to log.
 */
export class LockedError extends Error {
  readonly reason = 'locked';
  constructor(message = 'The vault is locked: personal data cannot be read or written.') {
    super(message);
    this.name = 'LockedError';
  }
}

/** Ciphertext that the current key cannot open: tampered, moved to another record, or another key. */
export class UndecryptableError extends Error {
  readonly reason = 'undecryptable';
  constructor(message = 'Stored data could not be decrypted with this device key.') {
    super(message);
    this.name = 'UndecryptableError';
  }
}

/** setUpPin on a device that already has a keyring, or changePin/unlock on one without. */
export class KeyringStateError extends Error {
  readonly reason: 'pin-already-set' | 'no-pin';
  constructor(reason: 'pin-already-set' | 'no-pin') {
    super(
      reason === 'no-pin' ? 'No PIN has been set up on this device.' : 'A PIN is already set up.',
    );
    this.name = 'KeyringStateError';
    this.reason = reason;
  }
}

/** A PIN that is too short to give the KDF anything to work with. */
export class WeakPinError extends Error {
  readonly reason = 'weak-pin';
  constructor(readonly minLength: number) {
    super(`A PIN needs at least ${minLength} characters.`);
    this.name = 'WeakPinError';
  }
}
