import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, pullAll, push } from './helpers';

/**
 * A volunteer hands a signal to the wijkteam; the team's notes stay within the team. She still
 * sees that it was picked up and closed (src/domain/signals/note-visibility.ts, applied on pull).
 */
describe.each(STORES)('signal notes on pull on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    c.vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `notes-${kind}-vera`);
    c.wim = await loginAs(app, 'wijkteam@demo.dichtbij', `notes-${kind}-wim`);
    c.wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `notes-${kind}-wendy`);
    await push(app, c.vera, [
      mutation({
        entityId: 'sig-1',
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          assignedToTeam: 'team-wijkteam-west',
          data: { category: 'eenzaamheid' },
        },
      }),
      mutation({
        entityId: 'sig-1',
        op: 'event',
        payload: {
          kind: 'handover',
          body: {
            message: 'Zij wil graag bezoek (fictief).',
            target: { kind: 'team', id: 'team-wijkteam-west' },
          },
        },
      }),
    ]);
    const wim = await push(app, c.wim, [
      mutation({
        entityId: 'sig-1',
        op: 'event',
        payload: {
          kind: 'status',
          status: 'contact-gelegd',
          body: { message: 'Gebeld, afspraak gemaakt.' },
        },
      }),
      mutation({
        entityId: 'sig-1',
        op: 'event',
        payload: { kind: 'note', body: { message: 'Interne notitie over de schulden.' } },
      }),
    ]);
    expect(wim.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
  afterAll(async () => storage.close());

  const eventsFor = async (who: string) =>
    (await pullAll(app, c[who]!)).changes.flatMap((x) => {
      if (x.kind !== 'event') return [];
      const e = x as unknown as { eventKind: string; status: string | null; body: unknown };
      return [{ kind: e.eventKind, status: e.status, body: e.body }];
    });

  it('the volunteer sees the status change without the message, and not the note', async () => {
    const events = await eventsFor('vera');
    expect(events.map((e) => e.kind)).toEqual(['handover', 'status']);
    expect(events[1]).toEqual({
      kind: 'status',
      status: 'contact-gelegd',
      body: { redacted: true },
    });
    expect(JSON.stringify(events)).not.toMatch(/Interne notitie|Gebeld/);
    // Her own handover message is hers to read.
    expect(JSON.stringify(events)).toContain('Zij wil graag bezoek');
  });

  it('a colleague in the same team sees everything', async () => {
    const events = await eventsFor('wendy');
    expect(events.map((e) => e.kind)).toEqual(['handover', 'status', 'note']);
    expect(JSON.stringify(events)).toContain('Interne notitie over de schulden.');
  });
});
