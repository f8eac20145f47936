import { z } from 'zod';

/**
 * Device-bound sessions (issue 10). A device holds an ECDSA P-256 key pair whose private half
 * WebCrypto made non-extractable; the public half is registered at sign-in. Every refresh (and a
 * sign-in on an already registered device, and a queued revocation) carries a signature over one
 * of the messages below, so a refresh token copied off the disk is useless without the device's
 * key, and the key is deleted at logout. The messages are built here once, for device and server.
 */

const base64url = /^[A-Za-z0-9_-]+$/;

/** The public key as WebCrypto exports it (JWK), reduced to the fields that define it. */
export const devicePublicKeySchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    // 32 bytes each, base64url without padding.
    x: z.string().length(43).regex(base64url),
    y: z.string().length(43).regex(base64url),
  })
  .strict();
export type DevicePublicKey = z.infer<typeof devicePublicKeySchema>;

export const deviceProofSchema = z
  .object({
    /** Milliseconds since the epoch on the device when it signed. */
    timestamp: z.number().int().positive().max(8_640_000_000_000_000),
    /** 16 random bytes, base64url. */
    nonce: z.string().min(16).max(64).regex(base64url),
    /** IEEE P1363 (r‖s) ECDSA-SHA256 signature, 64 bytes, base64url. */
    signature: z.string().length(86).regex(base64url),
  })
  .strict();
export type DeviceProof = z.infer<typeof deviceProofSchema>;

/** How far a device's clock may be off from the server's for a sign-in or refresh proof. */
export const PROOF_MAX_SKEW_MS = 10 * 60 * 1000;

/** The signing algorithm, the same on both sides. */
export const DEVICE_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const DEVICE_SIGN_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

// Each message starts with its purpose, so a signature for one can never pass as another.
export function loginProofMessage(
  deviceId: string,
  email: string,
  proof: Pick<DeviceProof, 'timestamp' | 'nonce'>,
): string {
  return [
    'dichtbij-login-v1',
    deviceId,
    email.trim().toLowerCase(),
    proof.timestamp,
    proof.nonce,
  ].join('\n');
}

export function refreshProofMessage(
  deviceId: string,
  refreshToken: string,
  proof: Pick<DeviceProof, 'timestamp' | 'nonce'>,
): string {
  return ['dichtbij-refresh-v1', deviceId, refreshToken, proof.timestamp, proof.nonce].join('\n');
}

export function revokeProofMessage(
  deviceId: string,
  proof: Pick<DeviceProof, 'timestamp' | 'nonce'>,
): string {
  return ['dichtbij-revoke-v1', deviceId, proof.timestamp, proof.nonce].join('\n');
}

/** Whether a proof's timestamp is close enough to the server's clock. */
export function isFreshProof(timestamp: number, now: number): boolean {
  return Math.abs(now - timestamp) <= PROOF_MAX_SKEW_MS;
}

/** The recovery key the server keeps per device: 32 random bytes, base64url. */
export const recoveryKeySchema = z.string().length(43).regex(base64url);
