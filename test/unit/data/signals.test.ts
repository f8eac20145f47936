import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../src/data/crypto/vault';
import { isEncryptedBlob } from '../../../src/data/crypto/envelope';
import { DichtbijDb } from '../../../src/data/db';
import type { StoredRecord } from '../../../src/data/db';
import type { SignalContext, SignalWorker } from '../../../src/data/repositories/signals';
import {
  contactIndicatorOnDevice,
  createSignal,
  lastSignalWijk,
  readSignal,
  recordSignalEvent,
} from '../../../src/data/repositories/signals';
import type { SignalListQuery } from '../../../src/data/repositories/signal-list';
import { countOverdueSignals, listSignals } from '../../../src/data/repositories/signal-list';
import { warmSignalList } from '../../../src/data/repositories/signal-list-index';
import { SIGNAL_CATEGORY_IDS } from '../../../src/domain/signals/categories';
import { DEFAULT_TEAMS } from '../../../src/domain/signals/handover';
import { OPEN_STATUSES, SIGNAL_STATUSES } from '../../../src/domain/signals/lifecycle';
import { URGENCIES } from '../../../src/domain/signals/signal-schema';
import { unlockVaultFor } from '../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`signals-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  database.close();
  await database.delete();
});

const NOW = new Date('2026-11-23T10:00:00');
const vera: SignalWorker = {
  id: 'demo-vrijwilliger',
  role: 'vrijwilliger',
  teamId: 'team-geldpraatje',
  wijken: ['wielwijk', 'crabbehof'],
};
const wim: SignalWorker = {
  id: 'demo-wijkteam',
  role: 'wijkteam',
  teamId: 'team-wijkteam-west',
  wijken: ['wielwijk', 'crabbehof'],
};
const directory = {
  teams: DEFAULT_TEAMS,
  organisations: [
    { id: 'sociale-dienst-drechtsteden', name: 'SDD', acceptsReferrals: true },
    { id: 'ocd', name: 'OCD', acceptsReferrals: false },
  ],
};
function ctx(worker: SignalWorker, minutes = 0): SignalContext {
  return {
    worker,
    directory,
    wijken: ['wielwijk', 'crabbehof'],
    now: new Date(NOW.getTime() + minutes * 60_000),
  };
}
const input = {
  category: 'achterstand-energie',
  wijk: 'wielwijk',
  urgency: 'hoog',
  consent: 'gegeven',
  residentName: 'Bewoner B (fictief)',
  contactWay: 'via-vindplaats',
  contactValue: 'Geldpraatje-plek Wielwijk (fictief)',
  dueAt: '2026-11-26',
  note: 'Brief van de energieleverancier gezien.',
  handoverTo: { kind: 'team', id: 'team-wijkteam-west' },
  handoverMessage: 'Graag deze week bellen.',
};

describe('createSignal', () => {
  it('refuses bad input and saves nothing', async () => {
    for (const bad of [
      { ...input, category: undefined },
      { ...input, dueAt: '2026-11-22' },
      { ...input, handoverTo: { kind: 'team', id: 'team-onbekend' } },
    ]) {
      const result = await createSignal(bad, ctx(vera), database);
      expect(result.ok).toBe(false);
    }
    expect(await database.signals.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.events.count()).toBe(0);
  });

  it('saves the signal encrypted, with clear index fields, the handover and an outbox entry', async () => {
    const result = await createSignal(input, ctx(vera), database);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const stored = await database.signals.get(result.id);
    expect(stored).toMatchObject({
      status: 'nieuw',
      wijk: 'wielwijk',
      category: 'achterstand-energie',
      urgency: 'hoog',
      dueAt: '2026-11-26',
      createdBy: vera.id,
      assignedToTeam: 'team-wijkteam-west',
    });
    expect(isEncryptedBlob(stored!.data)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Bewoner B');
    const outbox = await database.outbox.toArray();
    expect(outbox.map((o) => o.op)).toEqual(['put', 'event']);
    expect(outbox[0]!.meta).toMatchObject({
      assignedToTeam: 'team-wijkteam-west',
      status: 'nieuw',
    });
    const detail = await readSignal(result.id, database);
    expect(detail?.data?.residentName).toBe('Bewoner B (fictief)');
    expect(detail?.state.history.map((h) => h.kind)).toEqual(['created', 'handover']);
    expect(detail?.state.history[1]!.body.message).toBe('Graag deze week bellen.');
    expect(await lastSignalWijk(database)).toBe('wielwijk');
  });
});

describe('recordSignalEvent', () => {
  it('follows the lifecycle and refuses illegal steps without writing', async () => {
    const created = await createSignal(input, ctx(vera), database);
    if (!created.ok) throw new Error('not created');
    const id = created.id;
    const outboxBefore = await database.outbox.count();
    expect(
      await recordSignalEvent(id, { type: 'status', to: 'afgerond' }, ctx(wim, 1), database),
    ).toEqual({ ok: false, problem: 'illegal' });
    expect(await database.outbox.count()).toBe(outboxBefore);

    expect(
      (await recordSignalEvent(id, { type: 'status', to: 'opgepakt' }, ctx(wim, 2), database)).ok,
    ).toBe(true);
    let stored = await database.signals.get(id);
    expect(stored).toMatchObject({ status: 'opgepakt', assignedToUser: wim.id });

    const contact = await recordSignalEvent(
      id,
      {
        type: 'status',
        to: 'contact-gelegd',
        message: 'Gebeld, afspraak gemaakt',
        contactAt: new Date(NOW.getTime() + 3 * 60_000).toISOString(),
      },
      ctx(wim, 4),
      database,
    );
    expect(contact.ok).toBe(true);
    expect(
      (
        await recordSignalEvent(
          id,
          { type: 'note', message: 'Interne notitie' },
          ctx(wim, 5),
          database,
        )
      ).ok,
    ).toBe(true);
    expect(
      await recordSignalEvent(
        id,
        {
          type: 'status',
          to: 'doorverwezen',
          message: 'Naar schuldhulp',
          target: { kind: 'organisation', id: 'ocd' },
        },
        ctx(wim, 6),
        database,
      ),
    ).toEqual({ ok: false, problem: 'handoverUnknownOrganisation' });
    expect(
      (await recordSignalEvent(id, { type: 'status', to: 'afgerond' }, ctx(wim, 7), database)).ok,
    ).toBe(true);

    stored = await database.signals.get(id);
    expect(stored?.status).toBe('afgerond');
    const detail = await readSignal(id, database);
    expect(detail?.state.history.map((h) => h.to ?? h.kind)).toEqual([
      'nieuw',
      'handover',
      'opgepakt',
      'contact-gelegd',
      'note',
      'afgerond',
    ]);
    expect(detail?.state.firstContactAt).toBe(new Date(NOW.getTime() + 3 * 60_000).toISOString());
    const events = await database.events.toArray();
    expect(events.every((e) => e.body === undefined || isEncryptedBlob(e.body))).toBe(true);
    expect((await contactIndicatorOnDevice(database)).share).toBe(1);
  });

  it('hands over to a team with a message and refuses unknown teams and external partners', async () => {
    const created = await createSignal({ ...input, handoverTo: null }, ctx(vera), database);
    if (!created.ok) throw new Error('not created');
    expect(
      await recordSignalEvent(
        created.id,
        { type: 'handover', target: { kind: 'team', id: 'x' }, message: 'Hoi' },
        ctx(vera, 1),
        database,
      ),
    ).toEqual({ ok: false, problem: 'handoverUnknownTeam' });
    expect(
      await recordSignalEvent(
        created.id,
        {
          type: 'handover',
          target: { kind: 'organisation', id: 'sociale-dienst-drechtsteden' },
          message: 'Hoi',
        },
        ctx(vera, 1),
        database,
      ),
    ).toEqual({ ok: false, problem: 'handoverExternal' });
    expect(
      await recordSignalEvent(
        created.id,
        { type: 'handover', target: { kind: 'team', id: 'team-wijkteam-west' }, message: '' },
        ctx(vera, 1),
        database,
      ),
    ).toEqual({ ok: false, problem: 'messageRequired' });
    const ok = await recordSignalEvent(
      created.id,
      {
        type: 'handover',
        target: { kind: 'team', id: 'team-wijkteam-west' },
        message: 'Graag bellen',
      },
      ctx(vera, 2),
      database,
    );
    expect(ok.ok).toBe(true);
    expect((await database.signals.get(created.id))?.assignedToTeam).toBe('team-wijkteam-west');
    const patch = (await database.outbox.toArray()).find((o) => o.op === 'patch');
    expect(patch?.meta).toEqual({ assignedToTeam: 'team-wijkteam-west' });
  });
});

describe('listSignals', () => {
  const WIJKEN = ['wielwijk', 'crabbehof', 'oud-krispijn', 'sterrenburg'];
  const WORKERS = [vera.id, wim.id, 'demo-wijkteam-2'];

  async function seed(count: number): Promise<StoredRecord[]> {
    const rows: StoredRecord[] = [];
    const rnd = fc.sample(
      fc.record({
        status: fc.constantFrom(...SIGNAL_STATUSES),
        category: fc.constantFrom(...SIGNAL_CATEGORY_IDS),
        urgency: fc.constantFrom(...URGENCIES),
        wijk: fc.constantFrom(...WIJKEN),
        due: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined, freq: 10 }),
        createdBy: fc.constantFrom(...WORKERS),
        team: fc.boolean(),
        user: fc.option(fc.constantFrom(...WORKERS), { nil: undefined }),
      }),
      { numRuns: count, seed: 11 },
    );
    for (const [i, r] of rnd.entries()) {
      const dueAt =
        r.due === undefined
          ? undefined
          : new Date(Date.UTC(2026, 10, 23 + r.due)).toISOString().slice(0, 10);
      const record: StoredRecord = {
        id: `01SIG${String(i).padStart(6, '0')}`,
        entityType: 'signal',
        version: 1,
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
        createdBy: r.createdBy,
        wijk: r.wijk,
        status: r.status,
        category: r.category,
        urgency: r.urgency,
        data: {
          category: r.category,
          urgency: r.urgency,
          consent: 'gegeven',
          residentName: `Bewoner ${i} (fictief)`,
          contactWay: 'via-vindplaats',
          contactValue: 'Buurthuis (fictief)',
          dueAt: dueAt ?? '2026-12-01',
        },
      };
      if (dueAt) record.dueAt = dueAt;
      if (r.team) record.assignedToTeam = 'team-wijkteam-west';
      if (r.user) record.assignedToUser = r.user;
      rows.push(record);
    }
    await database.signals.bulkPut(await Promise.all(rows.map((r) => sealRecordUnlocked(r))));
    return rows;
  }

  /** The same query, the slow and obvious way. */
  function reference(rows: StoredRecord[], q: SignalListQuery, worker: SignalWorker) {
    const today = '2026-11-23';
    const statuses = q.overdue
      ? (q.statuses?.length ? q.statuses : OPEN_STATUSES).filter((s) => OPEN_STATUSES.includes(s))
      : (q.statuses ?? []);
    const hits = rows.filter((r) => {
      if (q.scope === 'mine' && r.createdBy !== worker.id && r.assignedToUser !== worker.id)
        return false;
      if (
        q.scope === 'team' &&
        r.assignedToTeam !== worker.teamId &&
        !worker.wijken.includes(r.wijk!)
      )
        return false;
      if (statuses.length > 0 && !statuses.includes(r.status as never)) return false;
      if (q.category && r.category !== q.category) return false;
      if (q.urgency && r.urgency !== q.urgency) return false;
      if (q.wijk && r.wijk !== q.wijk) return false;
      if (q.overdue && !(r.dueAt && r.dueAt < today)) return false;
      return true;
    });
    hits.sort((a, b) => {
      const da = a.dueAt ?? '9999';
      const dbb = b.dueAt ?? '9999';
      if (da !== dbb) return da < dbb ? -1 : 1;
      return a.id < b.id ? 1 : -1;
    });
    const offset = q.offset ?? 0;
    return {
      total: hits.length,
      ids: hits.slice(offset, offset + (q.limit ?? 50)).map((r) => r.id),
    };
  }

  const queryArb = fc.record(
    {
      scope: fc.constantFrom('mine', 'team', 'all'),
      statuses: fc.subarray([...SIGNAL_STATUSES]),
      category: fc.constantFrom(...SIGNAL_CATEGORY_IDS),
      urgency: fc.constantFrom(...URGENCIES),
      wijk: fc.constantFrom(...WIJKEN),
      overdue: fc.boolean(),
      offset: fc.constantFrom(0, 50),
    },
    { requiredKeys: ['scope'] },
  );

  it('filters correctly from the indexes (cold) and from the in-memory index (warm)', async () => {
    const rows = await seed(3000);
    const queries = fc.sample(queryArb, { numRuns: 40, seed: 5 }) as SignalListQuery[];
    // Cold: a fresh database object, so the first query is answered from the Dexie indexes.
    for (const q of queries.slice(0, 6)) {
      const cold = new DichtbijDb(database.name);
      const result = await listSignals(q, wim, { now: NOW }, cold);
      const expected = reference(rows, q, wim);
      expect(result.total).toBe(expected.total);
      expect(result.items.map((i) => i.id)).toEqual(expected.ids);
      cold.close();
    }
    await warmSignalList(database);
    for (const q of queries) {
      for (const worker of [wim, vera]) {
        const result = await listSignals(q, worker, { now: NOW }, database);
        const expected = reference(rows, q, worker);
        expect(result.total).toBe(expected.total);
        expect(result.items.map((i) => i.id)).toEqual(expected.ids);
      }
    }
    const page = await listSignals({ scope: 'all', limit: 5 }, wim, { now: NOW }, database);
    expect(page.items[0]!.residentName).toMatch(/^Bewoner \d+ \(fictief\)$/);
  }, 60_000);

  it('follows new signals, steps and deletions after the list index is built', async () => {
    await seed(200);
    await warmSignalList(database);
    const before = await listSignals(
      { scope: 'mine', statuses: ['nieuw'] },
      vera,
      { now: NOW },
      database,
    );
    const created = await createSignal(input, ctx(vera), database);
    if (!created.ok) throw new Error('not created');
    const after = await listSignals(
      { scope: 'mine', statuses: ['nieuw'] },
      vera,
      { now: NOW },
      database,
    );
    expect(after.total).toBe(before.total + 1);
    await recordSignalEvent(created.id, { type: 'status', to: 'opgepakt' }, ctx(wim, 1), database);
    const picked = await listSignals(
      {
        scope: 'all',
        statuses: ['opgepakt'],
        category: 'achterstand-energie',
        wijk: 'wielwijk',
        urgency: 'hoog',
      },
      wim,
      { now: NOW },
      database,
    );
    expect(picked.items.map((i) => i.id)).toContain(created.id);
    const mine = await listSignals({ scope: 'mine', limit: 500 }, wim, { now: NOW }, database);
    expect(mine.items.map((i) => i.id)).toContain(created.id);
    await database.signals.delete(created.id);
    const gone = await listSignals(
      { scope: 'all', statuses: ['opgepakt'] },
      wim,
      { now: NOW },
      database,
    );
    expect(gone.items.map((i) => i.id)).not.toContain(created.id);
    await database.signals.clear();
    expect((await listSignals({ scope: 'all' }, wim, { now: NOW }, database)).total).toBe(0);
  });

  it('counts overdue signals of the worker and her team', async () => {
    const rows = await seed(500);
    const expected = rows.filter(
      (r) =>
        OPEN_STATUSES.includes(r.status as never) &&
        r.dueAt !== undefined &&
        r.dueAt < '2026-11-23' &&
        (r.createdBy === wim.id ||
          r.assignedToUser === wim.id ||
          r.assignedToTeam === wim.teamId ||
          wim.wijken.includes(r.wijk!)),
    ).length;
    expect(await countOverdueSignals(wim, { now: NOW }, database)).toBe(expected);
    await warmSignalList(database);
    expect(await countOverdueSignals(wim, { now: NOW }, database)).toBe(expected);
  });
});
