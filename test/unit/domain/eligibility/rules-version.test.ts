import { describe, expect, it } from 'vitest';
import { evaluateRegelingen } from '../../../../src/domain/eligibility/evaluate';
import type { Household } from '../../../../src/domain/eligibility/household-schema';
import {
  compareVerdicts,
  groupOutcomes,
  incomeThresholdOf,
  snapshotOutcomes,
} from '../../../../src/domain/eligibility/outcome-snapshot';
import {
  checkRulesVersion,
  diffRulesVersions,
  missingNorms,
  rulesVersionId,
  type RulesVersion,
} from '../../../../src/domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../../../src/domain/eligibility/shipped-rules';
import { withBijstandsnormen } from '../../../fixtures/rules-versions';

const shipped = shippedRulesVersion.version;

/** A JSON round trip with every object's keys reversed: the same content written differently. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

function clone(v: RulesVersion): RulesVersion {
  return structuredClone(v);
}

describe('a rules version', () => {
  it('validates with the same schemas as the shipped bundle, naming where a problem is', () => {
    const ok = checkRulesVersion(JSON.parse(JSON.stringify(shipped)));
    expect(ok.ok).toBe(true);

    const broken = JSON.parse(JSON.stringify(shipped)) as {
      norms: { bijstandsnormen: { records: { amount: unknown }[] } };
      rules: unknown;
    };
    broken.norms.bijstandsnormen.records[2]!.amount = -5;
    const bad = checkRulesVersion(broken);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual([
        expect.stringMatching(/^norms\.bijstandsnormen\.records\.2\.amount: /),
      ]);

    expect(checkRulesVersion({ norms: shipped.norms }).ok).toBe(false);
    expect(checkRulesVersion({ ...shipped, extra: 1 }).ok).toBe(false);
    expect(checkRulesVersion('nope').ok).toBe(false);
  });

  it('has an id from its content: key order does not matter, one changed amount does', () => {
    const again = checkRulesVersion(reversedKeys(JSON.parse(JSON.stringify(shipped))));
    expect(again.ok && again.id).toBe(shippedRulesVersion.id);
    const raised = withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1420 });
    const cents = withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1420.01 });
    expect(rulesVersionId(raised)).not.toBe(shippedRulesVersion.id);
    expect(rulesVersionId(raised)).not.toBe(rulesVersionId(cents));
    expect(rulesVersionId(raised)).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe('the diff a beheerder reads before publishing', () => {
  it('names each changed norm with old and new amount and its date', () => {
    const before = withBijstandsnormen('2026-01-01', { 'alleenstaande-21-aow': 1401.5 });
    const after = withBijstandsnormen('2026-01-01', { 'alleenstaande-21-aow': 1450 }, before);
    expect(diffRulesVersions(before, after)).toEqual([
      {
        kind: 'norm',
        table: 'bijstandsnormen',
        category: 'alleenstaande-21-aow',
        validFrom: '2026-01-01',
        before: 1401.5,
        after: 1450,
        sourceDate: '2026-01-01',
      },
    ]);
  });

  it('shows a new change date as added amounts and the announcement it settles', () => {
    const after = withBijstandsnormen('2027-01-01', {
      'alleenstaande-21-aow': 1401.5,
      'gehuwden-21-aow': 2002.14,
    });
    const changes = diffRulesVersions(shipped, after);
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'norm',
        category: 'gehuwden-21-aow',
        validFrom: '2027-01-01',
        before: undefined,
        after: 2002.14,
      }),
    );
    expect(changes).toContainEqual({
      kind: 'pending',
      table: 'bijstandsnormen',
      validFrom: '2027-01-01',
      change: 'removed',
    });
    // Newest date first, so the change that matters now is on top.
    expect(changes[0]).toMatchObject({ validFrom: '2027-01-01' });
  });

  it('names a changed percentage, a changed fund amount, and regelingen added or removed', () => {
    const after = clone(shipped);
    const dordtpas = after.rules.rules.find((r) => r.regeling === 'dordtpas')!;
    const alt = dordtpas.conditions.find((c) => c.kind === 'any-of');
    const income =
      alt?.kind === 'any-of'
        ? alt.conditions.find((c) => c.kind === 'income-pct-of-norm')
        : undefined;
    if (income?.kind !== 'income-pct-of-norm')
      throw new Error('fixture: dordtpas has an income limit');
    income.maxPct = 150;
    const sms = after.rules.rules.find((r) => r.regeling === 'sms-kinderfonds')!;
    const amount = sms.knownAmounts[0]!;
    const oldAmount = amount.amount;
    amount.amount = oldAmount + 25;
    const removed = after.rules.rules.pop()!;

    const changes = diffRulesVersions(shipped, after);
    expect(changes).toContainEqual({
      kind: 'threshold',
      regeling: 'dordtpas',
      name: dordtpas.name,
      label: income.label,
      before: '140% van de norm',
      after: '150% van de norm',
    });
    expect(changes).toContainEqual({
      kind: 'amount',
      regeling: 'sms-kinderfonds',
      name: sms.name,
      label: amount.label,
      before: oldAmount,
      after: oldAmount + 25,
    });
    expect(changes).toContainEqual({
      kind: 'rule-removed',
      regeling: removed.regeling,
      name: removed.name,
    });
    expect(diffRulesVersions(after, shipped)).toContainEqual({
      kind: 'rule-added',
      regeling: removed.regeling,
      name: removed.name,
    });
  });

  it('is empty for the same content', () => {
    expect(diffRulesVersions(shipped, clone(shipped))).toEqual([]);
  });
});

describe('missing norms for a change date', () => {
  it('warns for an announced date without amounts and for each regular change date up to the horizon', () => {
    const norms = withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1420 }).norms;
    norms.bijstandsnormen.pending = [
      { validFrom: '2027-07-01', source: { title: 't', publisher: 'p' }, note: 'aangekondigd' },
    ];
    const missing = missingNorms(norms, '2027-08-01').filter((m) => m.table === 'bijstandsnormen');
    expect(missing).toEqual([
      { table: 'bijstandsnormen', validFrom: '2027-01-01', why: 'scheduled' },
      { table: 'bijstandsnormen', validFrom: '2027-07-01', why: 'pending' },
    ]);
    // Loaded amounts settle the scheduled date; the announced one stays a warning until loaded.
    const loaded = withBijstandsnormen(
      '2027-01-01',
      { 'alleenstaande-21-aow': 1450 },
      {
        ...shipped,
        norms,
      },
    );
    expect(
      missingNorms(loaded.norms, '2027-03-01').filter((m) => m.table === 'bijstandsnormen'),
    ).toEqual([{ table: 'bijstandsnormen', validFrom: '2027-07-01', why: 'pending' }]);
  });
});

describe('an outcome kept with a completed check', () => {
  // A single resident earning € 1.950 net a month, in Dordrecht.
  const household: Household = {
    gemeente: 'Dordrecht',
    housing: 'huur-sociaal',
    rentMonthly: 650,
    savings: 0,
    hasDebts: false,
    hasArrears: false,
    vakantiegeldIncluded: true,
    members: [{ role: 'aanvrager', age: 40, incomes: [{ type: 'loon', netMonthly: 2050 }] }],
  };

  it('records the threshold in euro with its norm date, and says which verdicts a new norm changes', () => {
    // 140% of € 1.369,06 (1-7-2025) = € 1.916,68 < € 1.950: no Dordtpas.
    const old = evaluateRegelingen(household, shipped.rules, shipped.norms, '2026-08-01');
    // 140% of a raised € 1.420,00 (1-7-2026) = € 1.988,00 ≥ € 1.950: Dordtpas.
    const raisedVersion = withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1500 });
    const raised = evaluateRegelingen(
      household,
      raisedVersion.rules,
      raisedVersion.norms,
      '2026-08-01',
    );
    const oldDordtpas = old.find((o) => o.regeling === 'dordtpas')!;
    expect(incomeThresholdOf(oldDordtpas)).toMatchObject({
      euro: 1987.24,
      normValidFrom: '2026-07-01',
    });

    const changes = compareVerdicts(snapshotOutcomes(old), snapshotOutcomes(raised));
    const dordtpas = changes.find((c) => c.regeling === 'dordtpas')!;
    expect(dordtpas.before).toMatchObject({ threshold: { euro: 1987.24 } });
    expect(dordtpas.before?.status).not.toBe('waarschijnlijk-recht');
    expect(dordtpas.after).toMatchObject({
      status: 'waarschijnlijk-recht',
      threshold: { euro: 2100, normValidFrom: '2026-07-01' },
    });
    expect(dordtpas.verdictChanged).toBe(true);
    // A regeling without an income limit keeps its verdict and threshold.
    const schuld = changes.find((c) => c.regeling === 'schuldhulpverlening')!;
    expect(schuld.verdictChanged || schuld.thresholdChanged).toBe(false);
    // Unchanged rules: nothing changes.
    expect(
      compareVerdicts(snapshotOutcomes(old), snapshotOutcomes(old)).some(
        (c) => c.verdictChanged || c.thresholdChanged,
      ),
    ).toBe(false);
  });

  it('orders rows: likely rights before maybes, then what they bring per year; geen recht apart', () => {
    const family: Household = {
      ...household,
      members: [
        { role: 'aanvrager', age: 35, incomes: [{ type: 'loon', netMonthly: 1200 }] },
        { role: 'kind', age: 6 },
        { role: 'kind', age: 9 },
      ],
    };
    const outcomes = evaluateRegelingen(family, shipped.rules, shipped.norms, '2025-09-01');
    const { rows, noRight, received } = groupOutcomes(outcomes);
    expect(rows.length + noRight.length + received.length).toBe(outcomes.length);
    expect(rows.every((o) => o.status !== 'geen-recht')).toBe(true);
    expect(noRight.every((o) => o.status === 'geen-recht')).toBe(true);
    const firstMaybe = rows.findIndex((o) => o.status === 'misschien');
    if (firstMaybe >= 0)
      expect(rows.slice(firstMaybe).every((o) => o.status === 'misschien')).toBe(true);
    const likely = rows.filter((o) => o.status === 'waarschijnlijk-recht');
    const values = likely.map((o) => o.estimatedYearlyValue ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
