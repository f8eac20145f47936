import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { HttpError } from '../../../../src/data/http';
import type { HttpOptions } from '../../../../src/data/http';
import type { Transport } from '../../../../src/data/sync/sync-error';
import type { RecordChange } from '../../../../src/domain/sync/protocol';
import type { PublicUser } from '../../../../src/domain/sync/roles';

/** Shared by the sync client's tests: what the server answers and what the device writes. */

/** The server's answer to a login (and a refresh) for `user`; the refresh token never expires. */
export function loginAnswer(user: PublicUser, accessExpiresAt = '2099-01-01T00:00:00.000Z') {
  return {
    accessToken: 'access',
    accessExpiresAt,
    refreshToken: 'refresh-token-long-enough',
    refreshExpiresAt: '2099-01-01T00:00:00.000Z',
    user,
  };
}

/** A fresh signal in wielwijk, as the repository writes it before its first sync. */
export function signalRecord(id: string, data: Record<string, unknown>): PlainRecord {
  const at = '2026-11-23T10:00:00.000Z';
  return {
    id,
    entityType: 'signal',
    version: 0,
    createdAt: at,
    updatedAt: at,
    wijk: 'wielwijk',
    data,
  };
}

/** A signal in wielwijk as the server sends it in a pull page (demo-wijkteam's, team t). */
export function pulledSignal(
  id: string,
  version: number,
  data: RecordChange['data'],
): RecordChange {
  return {
    kind: 'record',
    entityType: 'signal',
    id,
    version,
    deleted: false,
    ownerId: 'demo-wijkteam',
    teamId: 't',
    wijk: 'wielwijk',
    status: 'open',
    assignedToUser: null,
    assignedToTeam: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    data,
  };
}

/** A scripted server: each path answers from a handler; requests are recorded. */
export function fakeServer(handlers: Record<string, (body: Record<string, unknown>) => unknown>) {
  const calls: { path: string; body: Record<string, unknown> }[] = [];
  const transport: Transport = async (path: string, options: HttpOptions) => {
    const body = (options.body ?? {}) as Record<string, unknown>;
    calls.push({ path, body });
    const handler = handlers[path];
    if (!handler) throw new HttpError(404, { error: 'notFound', message: 'x' });
    return handler(body);
  };
  return { transport, calls };
}
