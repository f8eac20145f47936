import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { loginAs, makeServer, mutation, openStore } from './helpers';

/**
 * The body limit over the real Node adapter (the in-process `app.request` of the other tests
 * sends no Content-Length): a stated length over the limit is refused before the body is read,
 * a chunked body is counted as it streams in, and a body within the limit is read and saved.
 */
describe('request body limit over HTTP', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function listen() {
    const { storage } = await openStore('sqlite');
    const app = await makeServer(storage);
    const client = await loginAs(app, 'vrijwilliger@demo.dichtbij', 'device-body-limit');
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    closers.push(async () => {
      await new Promise((resolve) => server.close(resolve));
      await (storage as KyselySyncStorage).close();
    });
    return { storage, client, port };
  }

  function send(
    port: number,
    token: string,
    body: string,
    chunked: boolean,
  ): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve) => {
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          path: '/api/sync/push',
          method: 'POST',
          // A fresh connection each time: the one an over-limit body was cut off on is gone.
          agent: false,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      // A connection closed before an answer arrived: status 0.
      req.on('error', () => resolve({ status: 0, json: null }));
      if (chunked) {
        // Written in parts, so Node sends it chunked without a length.
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      } else req.write(body);
      req.end();
    });
  }

  const pushBody = (deviceId: string, entityId: string, blobBytes: number) =>
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      mutations: [
        mutation({ entityId, op: 'put', payload: { data: { blob: 'x'.repeat(blobBytes) } } }),
      ],
    });

  for (const chunked of [false, true]) {
    it(`refuses a ${chunked ? 'chunked' : 'stated'} body over the limit and saves a small one`, async () => {
      const { storage, client, port } = await listen();
      const before = await storage.countRecords();
      const huge = await send(
        port,
        client.token,
        pushBody(client.deviceId, 'huge', 5 * 1024 * 1024),
        chunked,
      );
      if (chunked) {
        // The server answers 413 as soon as the count passes the limit and stops reading, so
        // a client still sending may see the connection close before it reads the answer.
        expect(huge.status === 413 || huge.status === 0).toBe(true);
      } else {
        expect(huge.status).toBe(413);
        expect(huge.json).toMatchObject({ error: 'payloadTooLarge' });
      }
      expect(await storage.countRecords()).toBe(before);

      const small = await send(port, client.token, pushBody(client.deviceId, 'small', 10), chunked);
      expect(small.status).toBe(200);
      expect(small.json).toMatchObject({ results: [{ status: 'applied' }] });
      expect(await storage.countRecords()).toBe(before + 1);
    });
  }
});
