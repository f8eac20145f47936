import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetVault } from '../../../src/data/crypto/vault';
import { isEncryptedBlob } from '../../../src/data/crypto/envelope';
import { DichtbijDb } from '../../../src/data/db';
import type { ToekomstWorker } from '../../../src/data/repositories/toekomst';
import {
  listTrajectories,
  readTrajectory,
  recordHandover,
  recordStep,
  referResident,
  referralsFrom,
  saveIntake,
} from '../../../src/data/repositories/toekomst';
import { unlockVaultFor } from '../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`toekomst-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  database.close();
  await database.delete();
});

const vera: ToekomstWorker = {
  id: 'demo-vrijwilliger',
  role: 'vrijwilliger',
  teamId: 'team-geldpraatje',
};
const tara: ToekomstWorker = {
  id: 'demo-toekomstmakelaar',
  role: 'toekomstmakelaar',
  teamId: 'team-toekomstmakelaars',
};
const NOW = new Date('2026-11-23T10:00:00Z');
const referral = {
  residentName: 'Mevrouw K (fictief)',
  contact: '06 0000 0000 (fictief)',
  consent: true,
  referredFrom: 'check',
  referredFromId: 'check-1',
};

describe('toekomst repository', () => {
  it('refuses a referral without consent, and writes nothing', async () => {
    const result = await referResident({ ...referral, consent: false }, { worker: vera }, database);
    expect(result).toEqual({ ok: false, errors: [{ field: 'consent', code: 'consentRequired' }] });
    expect(await database.toekomst.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('a referral goes to the team; intake, step and handover are encrypted and queued for sync', async () => {
    const referred = await referResident(
      referral,
      { worker: vera, wijk: 'wielwijk', now: NOW },
      database,
    );
    if (!referred.ok) throw new Error('refused');
    const id = referred.id;
    const stored = (await database.toekomst.get(id))!;
    expect(stored).toMatchObject({
      status: 'verwezen',
      assignedToTeam: 'team-toekomstmakelaars',
      wijk: 'wielwijk',
    });
    expect(isEncryptedBlob(stored.data)).toBe(true);
    expect(await referralsFrom('check-1', vera.id, database)).toMatchObject([
      { id, status: 'verwezen' },
    ]);

    const bad = await saveIntake(
      id,
      { wishes: [], hoursPerWeek: 'veel' },
      { worker: tara },
      database,
    );
    expect(bad.ok ? [] : bad.errors.map((e) => e.code).sort()).toEqual([
      'hoursInvalid',
      'wishRequired',
    ]);
    const saved = await saveIntake(
      id,
      {
        wishes: ['werk'],
        barriers: ['zelfvertrouwen'],
        hoursPerWeek: 8,
        qualification: 'geen',
        drivingLicence: null,
      },
      { worker: tara, now: NOW },
      database,
    );
    expect(saved).toEqual({ ok: true });
    const step = await recordStep(
      id,
      { offerId: 'leerpraktijkcentrum-waterwiel', to: 'aangemeld', dueAt: '2026-11-30' },
      { worker: tara, now: new Date('2026-11-23T10:05:00Z') },
      database,
    );
    if (!step.ok) throw new Error(step.problem);
    expect(
      await recordHandover(
        id,
        { stepId: step.stepId, consent: false, message: 'Hallo' },
        { worker: tara },
        database,
      ),
    ).toEqual({
      ok: false,
      problem: 'consentRequired',
    });
    expect(
      await recordHandover(
        id,
        { stepId: step.stepId, consent: true, message: 'Zij begint in de keuken.' },
        { worker: tara },
        database,
      ),
    ).toEqual({ ok: true });

    const trajectory = (await readTrajectory(id, database))!;
    expect(trajectory.status).toBe('in-traject');
    expect(trajectory.intake?.wishes).toEqual(['werk']);
    expect(
      trajectory.plan.steps.map((s) => [s.offerId, s.status, s.dueAt, s.handovers.length]),
    ).toEqual([['leerpraktijkcentrum-waterwiel', 'aangemeld', '2026-11-30', 1]]);
    // The due date is a clear index field, so her list finds it without decrypting the plan.
    expect((await database.toekomst.get(id))!.dueAt).toBe('2026-11-30');
    const list = await listTrajectories({ now: new Date('2026-12-01T09:00:00Z') }, database);
    expect(list.due.map((x) => x.id)).toEqual([id]);
    expect(list.newReferrals).toEqual([]);
    // Every event body and outbox payload is sealed; nothing personal in the clear.
    const events = await database.events.toArray();
    expect(events.map((e) => e.kind).sort()).toEqual(['handover', 'status', 'status', 'step']);
    for (const e of events) if (e.body !== undefined) expect(isEncryptedBlob(e.body)).toBe(true);
    for (const o of await database.outbox.toArray()) expect(isEncryptedBlob(o.payload)).toBe(true);
    expect(JSON.stringify(await database.events.toArray())).not.toContain('keuken');
  });

  it('refuses an illegal step and writes nothing', async () => {
    const referred = await referResident(
      { ...referral, referredFrom: 'eigen' },
      { worker: tara },
      database,
    );
    if (!referred.ok) throw new Error('refused');
    const before = await database.outbox.count();
    expect(
      await recordStep(
        referred.id,
        { offerId: 'leerpraktijkcentrum-waterwiel', to: 'baan-gevonden' },
        { worker: tara },
        database,
      ),
    ).toEqual({ ok: false, problem: 'illegal' });
    expect(await database.outbox.count()).toBe(before);
    // Her own resident starts picked up, for her and her team.
    expect((await database.toekomst.get(referred.id))!).toMatchObject({
      status: 'opgepakt',
      assignedToUser: tara.id,
      assignedToTeam: 'team-toekomstmakelaars',
    });
  });
});
