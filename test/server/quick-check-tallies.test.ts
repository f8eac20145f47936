import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { insightResponseSchema, type PublishedTable } from '../../src/domain/insight/figures';
import type { QuickCheckTally } from '../../src/domain/spreekuur/tally';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { STORES, loginAs, makeServer, openStore, post } from './helpers';

/**
 * Anonymous quick checks' tallies (issue 16) on both stores: stored once per id whatever the
 * resends, refused without a session, from a coordinator or with anything beyond the allowed
 * keys, and counted in the coordinator's figures with the small-count suppression.
 */

function tally(partial: Partial<QuickCheckTally> = {}): QuickCheckTally {
  return {
    id: ulid(),
    day: '2026-11-20',
    wijk: 'crabbehof',
    suggested: ['dordtpas', 'zorgtoeslag'],
    applied: ['dordtpas'],
    topics: ['inkomen'],
    questions: ['rondkomen', 'vermogen'],
    summaryLanguage: 'en',
    ...partial,
  };
}

function cell(table: PublishedTable, row: string, col: string) {
  return table.cells[table.rows.indexOf(row)]?.[table.cols.indexOf(col)];
}

describe.each(STORES)('quick-check tallies on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let volunteer: string;
  let coordinator: string;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    volunteer = (await loginAs(app, 'vrijwilliger@demo.dichtbij', `qc-${kind}-v`)).token;
    coordinator = (await loginAs(app, 'coordinator@demo.dichtbij', `qc-${kind}-c`)).token;
  });
  afterAll(async () => storage.close());

  async function send(tallies: unknown[], token: string | null = volunteer) {
    return post(app, '/api/spreekuur/tallies', { tallies }, token ?? undefined);
  }
  async function stored(): Promise<number> {
    const row = await storage.db
      .selectFrom('quick_check_tallies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  async function snelchecks(month: string): Promise<number> {
    const counts = await storage.insightCounts(month);
    return counts
      .filter((c) => c.metric === 'role' && c.key === 'snelcheck')
      .reduce((a, c) => a + c.n, 0);
  }

  it('accepts a tally once: a resend, and two sends at once, count it once', async () => {
    const before = await stored();
    const one = tally({ day: '2026-09-03' });
    const first = await send([one]);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: [one.id], duplicate: [] });
    const again = await send([one]);
    expect(await again.json()).toEqual({ accepted: [], duplicate: [one.id] });

    const two = tally({ day: '2026-09-04' });
    const answers = await Promise.all([send([two]), send([two]), send([two])]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      accepted: string[];
    }[];
    expect(bodies.flatMap((b) => b.accepted)).toEqual([two.id]);
    expect(await stored()).toBe(before + 2);
    expect(await snelchecks('2026-09')).toBe(2);
  });

  it('refuses tallies without a session, from a coordinator, or with anything extra', async () => {
    const before = await stored();
    expect((await send([tally()], null)).status).toBe(401);
    expect((await send([tally()], coordinator)).status).toBe(403);
    const refused = [
      { ...tally(), residentName: 'Fictieve Bewoner' },
      { ...tally(), age: 17 },
      { ...tally(), questions: ['vermogen:97531'] },
      { ...tally(), questions: ['geen-vraag-van-de-check'] },
      { ...tally(), wijk: 'nergens' },
      { ...tally(), suggested: ['Dordtpas voor mevrouw Jansen'] },
      { ...tally(), summaryLanguage: 'fr' },
      { ...tally(), id: 'not-a-ulid' },
      { ...tally(), suggested: ['dordtpas', 'dordtpas'] },
    ];
    for (const bad of refused) {
      const res = await send([bad]);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    // One bad tally refuses the whole batch: nothing half-saved.
    expect((await send([tally(), { ...tally(), note: 'x' }])).status).toBe(400);
    const extraTop = await post(
      app,
      '/api/spreekuur/tallies',
      { tallies: [tally()], device: 'x' },
      volunteer,
    );
    expect(extraTop.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('counts tallies in the figures per wijk, regeling and summary language, suppressed when small', async () => {
    const crabbehof = Array.from({ length: 6 }, () => tally({ day: '2026-11-20' }));
    const sterrenburg = Array.from({ length: 2 }, () =>
      tally({ day: '2026-11-21', wijk: 'sterrenburg', summaryLanguage: 'ar', applied: [] }),
    );
    const unknown = tally({ day: '2026-11-22', wijk: 'unknown', summaryLanguage: 'none' });
    const res = await send([...crabbehof, ...sterrenburg, unknown]);
    expect(((await res.json()) as { accepted: string[] }).accepted).toHaveLength(9);

    const check = async () => {
      const answer = await app.request('/api/insight?month=2026-11', {
        headers: { authorization: `Bearer ${coordinator}` },
      });
      expect(answer.status).toBe(200);
      const figures = insightResponseSchema.parse(await answer.json()).current;
      const { byRole, languages } = figures.checks;
      expect(cell(byRole, 'crabbehof', 'snelcheck')).toEqual({ kind: 'value', value: 6 });
      expect(cell(byRole, 'sterrenburg', 'snelcheck')).toEqual({ kind: 'small' });
      expect(cell(languages, 'crabbehof', 'en')).toEqual({ kind: 'value', value: 6 });
      expect(cell(languages, 'sterrenburg', 'ar')).toEqual({ kind: 'small' });
      expect(byRole.rows).toContain('onbekend');
      expect(cell(figures.funnel.suggested, 'crabbehof', 'dordtpas')).toEqual({
        kind: 'value',
        value: 6,
      });
      expect(cell(figures.funnel.applied, 'crabbehof', 'dordtpas')).toEqual({
        kind: 'value',
        value: 6,
      });
      expect(cell(figures.funnel.applied, 'sterrenburg', 'dordtpas')).toEqual({ kind: 'small' });
    };
    await check();
    // The rebuild from scratch counts the stored tallies the same.
    await storage.rebuildInsight();
    await check();
  });
});
