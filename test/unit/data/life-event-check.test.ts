import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import { flushPendingAnswers, getCheck, recordTakeUp } from '../../../src/data/repositories/checks';
import { startCheck } from '../../../src/data/repositories/check-start';
import { checkStartFor } from '../../../src/domain/life-events/life-events';
import { appliedAtTableEntry } from '../../../src/domain/insight/take-up';
import { checkParts } from '../../../src/domain/insight/rollup';
import { openOutboxEntry } from '../../../src/data/crypto/record-crypto';
import { withUnlockedVault } from '../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`life-event-check-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  await flushPendingAnswers().catch(() => undefined);
  await database.delete();
});

describe('a check started from a life event', () => {
  it('stores the event, its answers and opens at its first topic', async () => {
    const id = await startCheck(
      { variant: 'short', consentGiven: true, lifeEvent: checkStartFor('18-worden') },
      database,
    );
    const check = await getCheck(id, database);
    expect(check?.data.lifeEvent).toBe('18-worden');
    expect(check?.data.lastTopic).toBe('inkomen');
    expect(check?.data.answers.answers.huishouden).toEqual({
      status: 'answered',
      value: [{ id: 'm1', role: 'aanvrager', age: 18 }],
    });
  });

  it('refuses answers the check would not accept, and stores nothing', async () => {
    const bad = {
      ...checkStartFor('18-worden'),
      answers: { huishouden: { status: 'answered' as const, value: -3 } },
    };
    await expect(
      startCheck({ variant: 'short', consentGiven: true, lifeEvent: bad }, database),
    ).rejects.toThrow();
    expect(await database.checks.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });
});

describe('"samen aangevraagd aan tafel" on the device', () => {
  it('records take-up aangevraagd for today with the flag, in the outbox the server counts from', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    await recordTakeUp(id, 'zorgtoeslag', appliedAtTableEntry('2026-11-30'), database);
    const check = await getCheck(id, database);
    expect(check?.data.takeUp?.zorgtoeslag).toMatchObject({
      status: 'aangevraagd',
      date: '2026-11-30',
      together: true,
    });
    // What the sync pushes is what the server's rollup reads: it counts the application as
    // made at the table. Dropping the flag anywhere on the way fails here.
    const last = await database.outbox.orderBy('seq').last();
    const pushed = last && (await openOutboxEntry(last));
    const data = pushed?.payload;
    expect(data).toMatchObject({ takeUp: { zorgtoeslag: { together: true } } });
    const parts = checkParts(
      {
        entity_type: 'check',
        wijk: null,
        status: 'open',
        team_id: null,
        created_at: '2026-11-30T18:00:00.000Z',
        deleted: 0,
        data: JSON.stringify(data),
      },
      'vrijwilliger',
    );
    expect(parts).toContainEqual({ metric: 'applied', key: 'zorgtoeslag' });
    expect(parts).toContainEqual({ metric: 'appliedTogether', key: 'zorgtoeslag' });
  });
});
