import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import { isEncryptedBlob } from '../../../src/data/crypto/envelope';
import { LockedError } from '../../../src/data/crypto/errors';
import { lock } from '../../../src/data/crypto/vault';
import { META_SESSION } from '../../../src/data/sync/session-store';
import {
  ANSWER_DEBOUNCE_MS,
  InvalidAnswerError,
  cancelPendingAnswer,
  clearAnswer,
  completeCheck,
  flushPendingAnswers,
  getCheck,
  listChecks,
  reopenCheck,
  saveAnswer,
  scheduleAnswer,
  setLastTopic,
  variantForRole,
  variantsForRole,
} from '../../../src/data/repositories/checks';
import { startCheck } from '../../../src/data/repositories/check-start';
import { withUnlockedVault } from '../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`checks-repo-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  vi.useRealTimers();
  await flushPendingAnswers().catch(() => undefined);
  await database.delete();
});

async function signIn(role: string, wijken: string[] = ['wielwijk']): Promise<void> {
  // A synthetic session as the sync client stores it; only the user part matters here.
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'u-test',
        role,
        teamId: null,
        organisationId: null,
        wijken,
        email: 'test@example.invalid',
        name: 'Test',
      },
      deviceId: 'd1',
      needsLogin: false,
    },
  });
}

describe('the check variant follows the role', () => {
  it('gives volunteers the short check and wijkteam workers the full one', () => {
    expect(variantForRole('vrijwilliger')).toBe('short');
    expect(variantForRole('wijkteam')).toBe('full');
    expect(variantForRole('toekomstmakelaar')).toBe('full');
    expect(variantForRole(undefined)).toBe('short');
    expect(variantsForRole('vrijwilliger')).toEqual(['short']);
    expect(variantsForRole('wijkteam')).toEqual(['full', 'short']);
  });
});

describe('checks repository', () => {
  it('starts a check only with consent, keeps status and wijk clear and the answers encrypted', async () => {
    await signIn('vrijwilliger');
    await expect(
      startCheck({ variant: 'short', consentGiven: false, wijk: 'wielwijk' }, database),
    ).rejects.toThrow();
    const id = await startCheck(
      { variant: 'short', consentGiven: true, wijk: 'wielwijk' },
      database,
    );
    await saveAnswer(id, 'vermogen', { status: 'answered', value: 1234.5 }, database);

    const stored = (await database.checks.get(id))!;
    expect(stored.status).toBe('open');
    expect(stored.wijk).toBe('wielwijk');
    expect(stored.createdBy).toBe('u-test');
    expect(isEncryptedBlob(stored.data)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('1234.5');
    const outbox = await database.outbox.toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox.every((e) => isEncryptedBlob(e.payload))).toBe(true);

    const check = (await getCheck(id, database))!;
    expect(check.data.answers.consent.given).toBe(true);
    expect(check.data.answers.consent.recordedAt).toBeDefined();
    expect(check.data.answers.answers.vermogen).toEqual({ status: 'answered', value: 1234.5 });
  });

  it('records declined and unknown answers apart from answered ones, and can clear one', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    await saveAnswer(id, 'schulden', { status: 'declined' }, database);
    await saveAnswer(id, 'vermogen', { status: 'unknown' }, database);
    await saveAnswer(id, 'woning', { status: 'answered', value: 'huur-sociaal' }, database);
    await clearAnswer(id, 'woning', database);
    const answers = (await getCheck(id, database))!.data.answers.answers;
    expect(answers).toEqual({ schulden: { status: 'declined' }, vermogen: { status: 'unknown' } });
  });

  it('refuses an invalid value and keeps the last valid one', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    await saveAnswer(id, 'vermogen', { status: 'answered', value: 500 }, database);
    await expect(
      saveAnswer(id, 'vermogen', { status: 'answered', value: -20 }, database),
    ).rejects.toBeInstanceOf(InvalidAnswerError);
    await expect(
      saveAnswer(
        id,
        'huishouden',
        { status: 'answered', value: [{ id: 'm1', role: 'aanvrager', age: 150 }] },
        database,
      ),
    ).rejects.toBeInstanceOf(InvalidAnswerError);
    await expect(
      saveAnswer(id, 'woning', { status: 'answered', value: 'kasteel' }, database),
    ).rejects.toBeInstanceOf(InvalidAnswerError);
    expect(() =>
      scheduleAnswer(id, 'vermogen', { status: 'answered', value: Number.NaN }, database),
    ).toThrow(InvalidAnswerError);
    const answers = (await getCheck(id, database))!.data.answers.answers;
    expect(answers).toEqual({ vermogen: { status: 'answered', value: 500 } });
  });

  it('keeps every answer when many are saved at once (writes are serialised per check)', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    await Promise.all([
      saveAnswer(id, 'woonplaats', { status: 'answered', value: 'dordrecht' }, database),
      saveAnswer(id, 'vermogen', { status: 'answered', value: 10 }, database),
      saveAnswer(id, 'schulden', { status: 'answered', value: 'nee' }, database),
      setLastTopic(id, 'wonen', database),
      saveAnswer(id, 'woning', { status: 'answered', value: 'huur-sociaal' }, database),
    ]);
    const check = (await getCheck(id, database))!;
    expect(Object.keys(check.data.answers.answers).sort()).toEqual([
      'schulden',
      'vermogen',
      'woning',
      'woonplaats',
    ]);
    expect(check.data.lastTopic).toBe('wonen');
  });

  it('debounces typing into one write and never loses the last keystroke', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    const before = await database.outbox.count();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = scheduleAnswer(id, 'vermogen', { status: 'answered', value: 1 }, database);
    const second = scheduleAnswer(id, 'vermogen', { status: 'answered', value: 12 }, database);
    const last = scheduleAnswer(id, 'vermogen', { status: 'answered', value: 123 }, database);
    vi.advanceTimersByTime(ANSWER_DEBOUNCE_MS - 1);
    expect(await database.outbox.count()).toBe(before);
    vi.useRealTimers();
    // Blur or pagehide: what is pending is written now, not after the pause.
    await flushPendingAnswers();
    await Promise.all([first, second, last]);
    expect(await database.outbox.count()).toBe(before + 1);
    expect((await getCheck(id, database))!.data.answers.answers.vermogen).toEqual({
      status: 'answered',
      value: 123,
    });
  });

  it('writes after the pause without a flush, and a read waits for pending answers', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    void scheduleAnswer(id, 'vermogen', { status: 'answered', value: 77 }, database);
    // getCheck flushes first, so a page opened right after typing sees the last value.
    expect((await getCheck(id, database))!.data.answers.answers.vermogen).toEqual({
      status: 'answered',
      value: 77,
    });
    const done = scheduleAnswer(id, 'vaste-lasten', { status: 'answered', value: 5 }, database);
    await done;
    expect((await getCheck(id, database))!.data.answers.answers['vaste-lasten']).toBeDefined();
  });

  it('drops a pending value when the field turns invalid', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    const pending = scheduleAnswer(id, 'vermogen', { status: 'answered', value: 5 }, database);
    cancelPendingAnswer(id, 'vermogen');
    await pending;
    await flushPendingAnswers();
    expect((await getCheck(id, database))!.data.answers.answers.vermogen).toBeUndefined();
  });

  it('lists open checks to resume and completes and reopens one', async () => {
    const a = await startCheck({ variant: 'short', consentGiven: true }, database);
    const b = await startCheck({ variant: 'full', consentGiven: true }, database);
    await setLastTopic(a, 'wonen', database);
    expect((await listChecks('open', database)).map((c) => c.id).sort()).toEqual([a, b].sort());

    const done = await completeCheck(b, undefined, undefined, database);
    expect(done.status).toBe('afgerond');
    expect(done.data.completedAt).toBeDefined();
    expect((await database.checks.get(b))!.status).toBe('afgerond');
    const open = await listChecks('open', database);
    expect(open.map((c) => c.id)).toEqual([a]);
    expect(open[0]!.data.lastTopic).toBe('wonen');
    expect((await listChecks('afgerond', database)).map((c) => c.id)).toEqual([b]);

    const again = await reopenCheck(b, database);
    expect(again.status).toBe('open');
    expect(again.data.completedAt).toBeUndefined();
  });

  it('refuses to read or write while the vault is locked', async () => {
    const id = await startCheck({ variant: 'short', consentGiven: true }, database);
    lock();
    await expect(getCheck(id, database)).rejects.toBeInstanceOf(LockedError);
    await expect(
      saveAnswer(id, 'vermogen', { status: 'answered', value: 1 }, database),
    ).rejects.toBeInstanceOf(LockedError);
  });
});
