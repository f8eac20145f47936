import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { isEncryptedBlob } from '../../../src/data/crypto/envelope';
import { resetVault } from '../../../src/data/crypto/vault';
import { DichtbijDb } from '../../../src/data/db';
import {
  assignSignals,
  loadDayList,
  loadUnassignedVroegsignalen,
  recordAttempt,
  recordOutcome,
} from '../../../src/data/repositories/outreach';
import type { SignalContext, SignalWorker } from '../../../src/data/repositories/signals';
import { readSignal } from '../../../src/data/repositories/signals';
import { DEFAULT_TEAMS } from '../../../src/domain/signals/handover';
import { filterDayList } from '../../../src/domain/vroegsignalen/day-list';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { vroegsignaalRecord } from '../helpers/vroegsignalen';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`outreach-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  database.close();
  await database.delete();
});

const wim: SignalWorker = {
  id: 'demo-wijkteam',
  role: 'wijkteam',
  teamId: 'team-wijkteam-west',
  wijken: ['wielwijk', 'crabbehof'],
};
const ctx = (worker: SignalWorker = wim): SignalContext => ({
  worker,
  directory: { teams: DEFAULT_TEAMS, organisations: [] },
  wijken: worker.wijken,
});

/** Stores records as a pull would (sealed, no outbox entry). */
async function pulled(...records: ReturnType<typeof vroegsignaalRecord>[]) {
  for (const r of records) await database.signals.put(await sealRecordUnlocked(r));
}

describe('the day list', () => {
  it('lists her assigned open vroegsignalen in walking order, and nothing else', async () => {
    await pulled(
      vroegsignaalRecord({
        id: 'a',
        street: 'Wielstraat',
        houseNumber: 10,
        suffix: 'A',
        assignedToUser: wim.id,
      }),
      vroegsignaalRecord({
        id: 'b',
        street: 'Wielstraat',
        houseNumber: 10,
        assignedToUser: wim.id,
      }),
      vroegsignaalRecord({ id: 'c', street: 'Wielstraat', houseNumber: 2, assignedToUser: wim.id }),
      vroegsignaalRecord({
        id: 'd',
        street: 'Aardbeistraat',
        houseNumber: 99,
        creditorType: 'energie',
        wijk: 'crabbehof',
        assignedToUser: wim.id,
      }),
      vroegsignaalRecord({
        id: 'e',
        street: 'Wielstraat',
        houseNumber: 10,
        suffix: 'B',
        assignedToUser: wim.id,
      }),
      // Not hers, closed, or not a vroegsignaal: not on the list.
      vroegsignaalRecord({
        id: 'f',
        street: 'Abeelstraat',
        houseNumber: 1,
        assignedToUser: 'demo-wijkteam-2',
      }),
      vroegsignaalRecord({
        id: 'g',
        street: 'Abeelstraat',
        houseNumber: 2,
        assignedToUser: wim.id,
        status: 'afgerond',
      }),
    );
    const typed = vroegsignaalRecord({
      id: 'h',
      street: 'Abeelstraat',
      houseNumber: 3,
      assignedToUser: wim.id,
    });
    const { source: _s, ...notImported } = typed.data as Record<string, unknown>;
    await pulled({ ...typed, data: { ...notImported, consent: 'gegeven' } });

    const list = await loadDayList(wim, database);
    expect(list.map((i) => i.id)).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(list[0]).toMatchObject({
      street: 'Aardbeistraat',
      houseNumber: 99,
      creditorType: 'energie',
      monthsInArrears: 2,
      lastAttempt: null,
      visited: false,
    });
    // Only what the visit needs: no amounts, references or names in a list item.
    expect(Object.keys(list[0]!).sort()).toEqual(
      [
        'campaignName',
        'creditorType',
        'houseNumber',
        'houseNumberSuffix',
        'id',
        'lastAttempt',
        'monthsInArrears',
        'postcode',
        'status',
        'street',
        'visited',
        'wijk',
      ].sort(),
    );
    expect(filterDayList(list, { wijk: 'crabbehof' }).map((i) => i.id)).toEqual(['d']);
    expect(filterDayList(list, { creditorType: 'huur' }).map((i) => i.id)).toEqual([
      'c',
      'b',
      'a',
      'e',
    ]);
  });

  it('one tap writes an encrypted, append-only attempt event with who and when; the list shows it', async () => {
    await pulled(
      vroegsignaalRecord({ id: 'a', street: 'Wielstraat', houseNumber: 4, assignedToUser: wim.id }),
    );
    expect(await recordAttempt('a', 'huisbezoek-niet-thuis', ctx(), database)).toEqual({
      ok: true,
    });
    const events = await database.events
      .where('[entityType+entityId]')
      .equals(['signal', 'a'])
      .toArray();
    expect(events.map((e) => [e.kind, e.status, e.createdBy])).toEqual([
      ['status', 'opgepakt', wim.id],
      ['attempt', undefined, wim.id],
    ]);
    expect(events.every((e) => isEncryptedBlob(e.body))).toBe(true);
    const outbox = await database.outbox.toArray();
    expect(outbox.map((o) => o.op)).toEqual(['event', 'event']);
    const [item] = await loadDayList(wim, database);
    expect(item).toMatchObject({
      status: 'opgepakt',
      visited: true,
      lastAttempt: { attempt: 'huisbezoek-niet-thuis' },
    });
    expect(filterDayList([item!], { notVisited: true })).toEqual([]);
  });

  it('"gesproken + hulp aanvaard" leaves contact and help with where to on the signal', async () => {
    await pulled(
      vroegsignaalRecord({ id: 'a', street: 'Wielstraat', houseNumber: 4, assignedToUser: wim.id }),
    );
    await recordAttempt('a', 'huisbezoek-gesproken', ctx(), database);
    expect(
      await recordOutcome('a', { kind: 'hulp-aanvaard', helpTo: 'budgetcoach' }, ctx(), database),
    ).toEqual({ ok: true });
    const detail = await readSignal('a', database);
    expect(detail?.state).toMatchObject({
      status: 'contact-gelegd',
      help: 'aanvaard',
      helpTo: 'budgetcoach',
    });
    expect(detail?.state.superseded).toEqual([]);
    expect(await recordOutcome('a', { kind: 'geen-contact' }, ctx(), database)).toEqual({
      ok: false,
      problem: 'illegal',
    });
  });
});

describe('assigning', () => {
  it("a wijkteam member takes her team's unassigned vroegsignalen on her list, through the outbox", async () => {
    await pulled(
      vroegsignaalRecord({
        id: 'a',
        street: 'Wielstraat',
        houseNumber: 4,
        assignedToTeam: wim.teamId!,
      }),
      vroegsignaalRecord({
        id: 'b',
        street: 'Wielstraat',
        houseNumber: 6,
        assignedToTeam: wim.teamId!,
      }),
      vroegsignaalRecord({
        id: 'x',
        street: 'Elders',
        houseNumber: 1,
        wijk: 'oud-krispijn',
        assignedToTeam: 'team-ander',
      }),
    );
    expect((await loadUnassignedVroegsignalen(wim, database)).map((i) => i.id)).toEqual(['a', 'b']);
    expect(await assignSignals(['a'], wim.id, wim, database)).toEqual({ ok: true, assigned: 1 });
    expect((await loadDayList(wim, database)).map((i) => i.id)).toEqual(['a']);
    expect((await loadUnassignedVroegsignalen(wim, database)).map((i) => i.id)).toEqual(['b']);
    const [entry] = await database.outbox.toArray();
    expect(entry).toMatchObject({ op: 'patch', entityId: 'a', meta: { assignedToUser: wim.id } });
    // Not her team's signal, or not a wijkteam member: refused, nothing written.
    expect(await assignSignals(['x'], wim.id, wim, database)).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    const vera: SignalWorker = {
      id: 'vera',
      role: 'vrijwilliger',
      teamId: null,
      wijken: ['wielwijk'],
    };
    expect(await assignSignals(['b'], 'vera', vera, database)).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await database.outbox.count()).toBe(1);
  });
});
