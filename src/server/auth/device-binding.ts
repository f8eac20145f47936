import { randomBytes } from 'node:crypto';
import type { DeviceProof, DevicePublicKey } from '../../domain/sync/device-proof';
import {
  DEVICE_KEY_ALGORITHM,
  DEVICE_SIGN_ALGORITHM,
  PROOF_MAX_SKEW_MS,
  devicePublicKeySchema,
  isFreshProof,
  loginProofMessage,
  refreshProofMessage,
  revokeProofMessage,
} from '../../domain/sync/device-proof';
import type { DeviceRecord, SyncStorage } from '../storage/sync-storage';

/**
 * The server's half of device-bound sessions (see src/domain/sync/device-proof.ts): verifying
 * the device's ECDSA signatures with WebCrypto, deciding at sign-in whether a key may be
 * (re)registered, and when the recovery key may be released.
 */

function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  const buffer = Buffer.from(value, 'base64url');
  const bytes = new Uint8Array(new ArrayBuffer(buffer.length));
  bytes.set(buffer);
  return bytes;
}

/** True only for a valid signature by `publicKey` (JWK JSON or object) over `message`. */
export async function verifyDeviceSignature(
  publicKey: string | DevicePublicKey,
  message: string,
  signature: string,
): Promise<boolean> {
  try {
    const jwk = devicePublicKeySchema.parse(
      typeof publicKey === 'string' ? JSON.parse(publicKey) : publicKey,
    );
    const key = await crypto.subtle.importKey('jwk', jwk, DEVICE_KEY_ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(
      DEVICE_SIGN_ALGORITHM,
      key,
      fromBase64url(signature),
      new TextEncoder().encode(message),
    );
  } catch {
    // A malformed stored or sent key is a failed proof, never a 500.
    return false;
  }
}

export function newRecoveryKey(): string {
  return randomBytes(32).toString('base64url');
}

export interface LoginDeviceInput {
  deviceId: string;
  email: string;
  publicKey?: DevicePublicKey | undefined;
  proof?: DeviceProof | undefined;
}

export type LoginDeviceDecision =
  /** Another key holds this device id: a sign-in without that key must not take it over. */
  | { ok: false }
  | {
      ok: true;
      /** Register this key (and recovery key) after the login is saved. */
      bind?: { publicKey: string; recoveryKey: string };
      /** Release the recovery key in the answer. */
      recoveryKey?: string;
    };

/**
 * At a password sign-in: a device id whose registered key is still active can only be used with
 * a proof by that key (so nobody with a password signs a colleague's tablet out, or swaps its
 * key). A proof by the registered key releases the recovery key (forgotten PIN). A revoked or
 * new device id, or one from before keys, registers the key it sends with a NEW recovery key, so
 * data keys wrapped under an earlier recovery key stay closed.
 */
export async function decideLoginDevice(
  device: DeviceRecord | undefined,
  input: LoginDeviceInput,
  now: Date,
): Promise<LoginDeviceDecision> {
  const fresh = input.proof !== undefined && isFreshProof(input.proof.timestamp, now.getTime());
  const message = input.proof ? loginProofMessage(input.deviceId, input.email, input.proof) : '';
  if (device?.publicKey) {
    const byRegisteredKey =
      fresh &&
      input.proof !== undefined &&
      (await verifyDeviceSignature(device.publicKey, message, input.proof.signature));
    if (byRegisteredKey) {
      if (device.recoveryKey) return { ok: true, recoveryKey: device.recoveryKey };
      const recoveryKey = newRecoveryKey();
      return { ok: true, bind: { publicKey: device.publicKey, recoveryKey }, recoveryKey };
    }
    if (device.revokedAt === null) return { ok: false };
  }
  if (!input.publicKey || !input.proof || !fresh) return { ok: true };
  // Proof of possession: only a key that signed this very sign-in is registered.
  if (!(await verifyDeviceSignature(input.publicKey, message, input.proof.signature)))
    return { ok: true };
  const recoveryKey = newRecoveryKey();
  return {
    ok: true,
    bind: { publicKey: JSON.stringify(input.publicKey), recoveryKey },
    recoveryKey,
  };
}

/**
 * A refresh must be signed by the device's registered key, be fresh, and be newer than the last
 * accepted proof (a captured request cannot be replayed). Devices from before keys sign in again.
 */
export async function checkRefreshProof(
  storage: SyncStorage,
  device: DeviceRecord,
  refreshToken: string,
  proof: DeviceProof,
  now: Date,
): Promise<boolean> {
  if (!device.publicKey || !isFreshProof(proof.timestamp, now.getTime())) return false;
  const message = refreshProofMessage(device.id, refreshToken, proof);
  if (!(await verifyDeviceSignature(device.publicKey, message, proof.signature))) return false;
  return storage.acceptDeviceProof(device.id, proof.timestamp);
}

/**
 * A revocation queued at an offline logout may arrive days later, so it has no freshness window
 * (replaying it only signs out a device that asked to be signed out); only one from the future
 * is refused.
 */
export async function checkRevokeProof(device: DeviceRecord, proof: DeviceProof, now: Date) {
  if (!device.publicKey || proof.timestamp > now.getTime() + PROOF_MAX_SKEW_MS) return false;
  return verifyDeviceSignature(
    device.publicKey,
    revokeProofMessage(device.id, proof),
    proof.signature,
  );
}
