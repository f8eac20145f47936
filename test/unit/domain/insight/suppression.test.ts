import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_CELL,
  protectBreakdowns,
  protectTable,
  type Published,
  type ProtectedTable,
} from '../../../../src/domain/insight/suppression';
import { computeMonthFigures } from '../../../../src/domain/insight/figures';
import type { RollupCount, RollupMetric } from '../../../../src/domain/insight/rollup';

/**
 * The attacker's view, worked out by brute force and independent of the network method the
 * module uses: every table of non-negative integers that agrees with what is published ("< 5"
 * means 0–4, a hidden number is ≥ 5). A suppressed number is derivable when it has the same
 * value in every such table.
 */
function feasibleValues(p: ProtectedTable, cap: number): Map<string, Set<number>> {
  const m = p.rows.length;
  const n = p.cols.length;
  const range = (x: Published): number[] => {
    if (x.kind === 'value') return [x.value];
    if (x.kind === 'small') return [0, 1, 2, 3, 4];
    const out: number[] = [];
    for (let v = MIN_CELL; v <= cap; v++) out.push(v);
    return out;
  };
  const fits = (x: Published | undefined, v: number): boolean =>
    !x || (x.kind === 'value' ? x.value === v : x.kind === 'small' ? v < MIN_CELL : v >= MIN_CELL);
  const seen = new Map<string, Set<number>>();
  const note = (key: string, v: number) => {
    const s = seen.get(key) ?? new Set<number>();
    s.add(v);
    seen.set(key, s);
  };
  const grid: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  const colMax = p.cols.map((_, j) => {
    const c = p.colTotals?.[j];
    return c?.kind === 'value' ? c.value : c?.kind === 'small' ? MIN_CELL - 1 : cap;
  });
  const colSum = new Array<number>(n).fill(0);
  const visit = (k: number): void => {
    if (k === m * n) {
      const rowSums = grid.map((r) => r.reduce((a, b) => a + b, 0));
      const colSums = p.cols.map((_, j) => grid.reduce((a, r) => a + (r[j] ?? 0), 0));
      const total = rowSums.reduce((a, b) => a + b, 0);
      if (!rowSums.every((v, i) => fits(p.rowTotals?.[i], v))) return;
      if (!colSums.every((v, j) => fits(p.colTotals?.[j], v))) return;
      if (!fits(p.total ?? undefined, total)) return;
      grid.forEach((r, i) => r.forEach((v, j) => note(`c${i},${j}`, v)));
      rowSums.forEach((v, i) => note(`r${i}`, v));
      colSums.forEach((v, j) => note(`k${j}`, v));
      note('t', total);
      return;
    }
    const i = Math.floor(k / n);
    const j = k % n;
    for (const v of range(p.cells[i]?.[j] ?? { kind: 'hidden' })) {
      if ((colSum[j] ?? 0) + v > (colMax[j] ?? cap)) continue;
      const row = grid[i];
      if (!row) return;
      row[j] = v;
      colSum[j] = (colSum[j] ?? 0) + v;
      // A row is complete: its total must fit before we go deeper.
      if (
        j === n - 1 &&
        !fits(
          p.rowTotals?.[i],
          row.reduce((a, b) => a + b, 0),
        )
      ) {
        colSum[j] = (colSum[j] ?? 0) - v;
        continue;
      }
      visit(k + 1);
      colSum[j] = (colSum[j] ?? 0) - v;
    }
  };
  visit(0);
  return seen;
}

function suppressedKeys(p: ProtectedTable): string[] {
  const keys: string[] = [];
  p.cells.forEach((r, i) => r.forEach((c, j) => c.kind !== 'value' && keys.push(`c${i},${j}`)));
  p.rowTotals?.forEach((c, i) => c.kind !== 'value' && keys.push(`r${i}`));
  p.colTotals?.forEach((c, j) => c.kind !== 'value' && keys.push(`k${j}`));
  if (p.total && p.total.kind !== 'value') keys.push('t');
  return keys;
}

function expectTruthful(p: ProtectedTable, cells: number[][]): void {
  const check = (x: Published | undefined, v: number) => {
    if (!x) return;
    if (x.kind === 'value') expect(x.value).toBe(v);
    else if (x.kind === 'small') expect(v).toBeLessThan(MIN_CELL);
    else expect(v).toBeGreaterThanOrEqual(MIN_CELL);
  };
  cells.forEach((r, i) => r.forEach((v, j) => check(p.cells[i]?.[j], v)));
  cells.forEach((r, i) =>
    check(
      p.rowTotals?.[i],
      r.reduce((a, b) => a + b, 0),
    ),
  );
  p.cols.forEach((_, j) =>
    check(
      p.colTotals?.[j],
      cells.reduce((a, r) => a + (r[j] ?? 0), 0),
    ),
  );
  if (p.total)
    check(
      p.total,
      cells.flat().reduce((a, b) => a + b, 0),
    );
}

function expectNothingDerivable(p: ProtectedTable, cells: number[][]): void {
  const cap = cells.flat().reduce((a, b) => a + b, 0) + MIN_CELL;
  const values = feasibleValues(p, cap);
  for (const key of suppressedKeys(p)) {
    expect(values.get(key)?.size ?? 0, `suppressed ${key} is derivable`).toBeGreaterThan(1);
  }
}

// Counts as they come in a month per wijk: mostly small, some larger.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 14 }) },
);
const grid = (rows: number, cols: number) =>
  fc.array(fc.array(count, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
const smallGrid = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
  .chain(([r, c]) => grid(r, c));

const names = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('small-cell suppression', () => {
  it('shows counts below 5 as "< 5" and hides a lone small cell that a total would give away', () => {
    const p = protectTable({
      rows: ['a', 'b', 'c'],
      cols: ['x'],
      cells: [[3], [20], [12]],
      showRowTotals: false,
      showColTotals: true,
      showTotal: false,
    });
    expect(p.cells[0]?.[0]).toEqual({ kind: 'small' });
    // 35 − 20 − 12 = 3 unless one more cell is hidden: the smaller of the two goes.
    expect(p.cells[2]?.[0]).toEqual({ kind: 'hidden' });
    expect(p.cells[1]?.[0]).toEqual({ kind: 'value', value: 20 });
    expect(p.colTotals?.[0]).toEqual({ kind: 'value', value: 35 });
  });

  it('publishes a table without small counts unchanged', () => {
    const p = protectTable({
      rows: ['a', 'b'],
      cols: ['x', 'y'],
      cells: [
        [5, 6],
        [7, 8],
      ],
      showRowTotals: true,
      showColTotals: true,
      showTotal: true,
    });
    expect(p.cells.flat().every((c) => c.kind === 'value')).toBe(true);
    expect(p.total).toEqual({ kind: 'value', value: 26 });
  });

  it('property: in a two-way table with all margins, no suppressed number can be worked out', () => {
    fc.assert(
      fc.property(smallGrid, (cells) => {
        const p = protectTable({
          rows: names(cells.length, 'w'),
          cols: names(cells[0]?.length ?? 0, 'k'),
          cells,
          showRowTotals: true,
          showColTotals: true,
          showTotal: true,
        });
        expectTruthful(p, cells);
        expectNothingDerivable(p, cells);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it('property: breakdowns sharing row totals agree on them and none gives a number away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((rows) =>
          fc.tuple(grid(rows, 2), grid(rows, 2)).filter(([a, b]) =>
            // Two breakdowns of the same population have the same row totals.
            a.every(
              (r, i) => r.reduce((x, y) => x + y, 0) === (b[i] ?? []).reduce((x, y) => x + y, 0),
            ),
          ),
        ),
        ([a, b]) => {
          const rows = names(a.length, 'w');
          const out = protectBreakdowns(rows, [
            { cols: ['x', 'y'], cells: a, showColTotals: true },
            { cols: ['u', 'v'], cells: b, showColTotals: true },
          ]);
          for (const [k, t] of out.tables.entries()) {
            const cells = k === 0 ? a : b;
            if (
              t.cells.flat().every((c) => c.kind === 'hidden') &&
              t.colTotals?.every((c) => c.kind === 'hidden')
            ) {
              continue; // not shown at all
            }
            expect(t.rowTotals).toEqual(out.rowTotals);
            expect(t.total).toEqual(out.total);
            expectTruthful(t, cells);
            expectNothingDerivable(t, cells);
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

/**
 * Teams within wijken: every table of non-negative integers per team that agrees with everything
 * published — team cells and totals, the wijk cells and totals they add up to, Dordrecht's column
 * totals and grand total. Returns, per published-or-suppressed number, the values it can take.
 */
function feasibleNested(
  p: ProtectedTable,
  parent: readonly number[],
  cap: number,
): Map<string, Set<number>> {
  const teams = p.teams;
  if (!teams) throw new Error('no teams');
  const n = p.cols.length;
  const k = teams.ids.length;
  const range = (x: Published | undefined): number[] => {
    if (!x) return [];
    if (x.kind === 'value') return [x.value];
    if (x.kind === 'small') return [0, 1, 2, 3, 4];
    return Array.from({ length: cap - MIN_CELL + 1 }, (_, v) => v + MIN_CELL);
  };
  const fits = (x: Published | null | undefined, v: number): boolean =>
    !x || (x.kind === 'value' ? x.value === v : x.kind === 'small' ? v < MIN_CELL : v >= MIN_CELL);
  const seen = new Map<string, Set<number>>();
  const note = (key: string, v: number) => seen.set(key, (seen.get(key) ?? new Set()).add(v));
  const grid = Array.from({ length: k }, () => new Array<number>(n).fill(0));
  const wijkCells = (i: number, j: number) =>
    grid.reduce((a, r, t) => a + (parent[t] === i ? (r[j] ?? 0) : 0), 0);
  // Teams are ordered by wijk: once a wijk's last team is filled, its numbers must fit.
  const lastOf = (i: number) => parent.lastIndexOf(i);
  const visit = (at: number): void => {
    if (at === k * n) {
      const colSums = p.cols.map((_, j) => grid.reduce((a, r) => a + (r[j] ?? 0), 0));
      const total = colSums.reduce((a, b) => a + b, 0);
      if (!colSums.every((v, j) => fits(p.colTotals?.[j], v)) || !fits(p.total, total)) return;
      grid.forEach((r, t) => {
        r.forEach((v, j) => note(`t${t},${j}`, v));
        note(
          `tt${t}`,
          r.reduce((a, b) => a + b, 0),
        );
      });
      p.rows.forEach((_, i) => {
        const cells = p.cols.map((__, j) => wijkCells(i, j));
        cells.forEach((v, j) => note(`c${i},${j}`, v));
        note(
          `r${i}`,
          cells.reduce((a, b) => a + b, 0),
        );
      });
      colSums.forEach((v, j) => note(`k${j}`, v));
      note('t', total);
      return;
    }
    const t = Math.floor(at / n);
    const j = at % n;
    const row = grid[t];
    if (!row) return;
    for (const v of range(teams.cells[t]?.[j])) {
      row[j] = v;
      if (
        j === n - 1 &&
        !fits(
          teams.totals?.[t],
          row.reduce((a, b) => a + b, 0),
        )
      )
        continue;
      const i = parent[t] ?? 0;
      if (j === n - 1 && lastOf(i) === t) {
        const cells = p.cols.map((__, c) => wijkCells(i, c));
        if (!cells.every((x, c) => fits(p.cells[i]?.[c], x))) continue;
        if (
          !fits(
            p.rowTotals?.[i],
            cells.reduce((a, b) => a + b, 0),
          )
        )
          continue;
      }
      visit(at + 1);
    }
    row[j] = 0;
  };
  visit(0);
  return seen;
}

describe('small-cell suppression per team within a wijk', () => {
  // Two wijken with one or two teams each, two columns: small enough to try every table.
  const nested = fc
    .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }))
    .chain(([a, b]) => {
      const parent = [...new Array<number>(a).fill(0), ...new Array<number>(b).fill(1)];
      return fc.tuple(fc.constant(parent), grid(parent.length, 2));
    });

  it('property: no suppressed number — team, wijk, total — can be worked out from the rest', () => {
    fc.assert(
      fc.property(nested, ([parent, teamCells]) => {
        const rows = ['w0', 'w1'];
        const cells = rows.map((_, i) =>
          [0, 1].map((j) =>
            teamCells.reduce((a, r, t) => a + (parent[t] === i ? (r[j] ?? 0) : 0), 0),
          ),
        );
        const p = protectTable({
          rows,
          cols: ['x', 'y'],
          cells,
          teams: { ids: parent.map((i, t) => `w${i}|t${t}`), parent, cells: teamCells },
          showRowTotals: true,
          showColTotals: true,
          showTotal: true,
        });
        expectTruthful(p, cells);
        const teams = p.teams;
        expect(teams?.ids).toHaveLength(parent.length);
        const cap = cells.flat().reduce((a, b) => a + b, 0) + MIN_CELL;
        const values = feasibleNested(p, parent, cap);
        // The true table is among the feasible ones, so every number has at least its value.
        const keys: string[] = suppressedKeys(p);
        teams?.cells.forEach((r, t) =>
          r.forEach((c, j) => c.kind !== 'value' && keys.push(`t${t},${j}`)),
        );
        teams?.totals?.forEach((c, t) => c.kind !== 'value' && keys.push(`tt${t}`));
        teams?.cells.forEach((r, t) =>
          r.forEach((c, j) => {
            const v = teamCells[t]?.[j] ?? 0;
            if (c.kind === 'value') expect(c.value).toBe(v);
            else if (c.kind === 'small') expect(v).toBeLessThan(MIN_CELL);
            else expect(v).toBeGreaterThanOrEqual(MIN_CELL);
          }),
        );
        for (const key of keys) {
          expect(values.get(key)?.size ?? 0, `suppressed ${key} is derivable`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 80, seed: 14 },
    );
  });
});

describe('small-cell suppression of the vroegsignalen per creditor type', () => {
  // The breakdown the screen offers for issue 17 — wijk and team × creditor type, for signals,
  // with contact and with help accepted — as computeMonthFigures builds it from the rollup.
  const creditors = ['huur', 'energie'];
  const dims = {
    wijken: ['w0', 'w1'],
    categories: [],
    urgencies: [],
    statuses: [],
    roles: [],
    regelingen: [],
    doelgroepen: [],
    creditorTypes: creditors,
    languages: [],
  };
  const breakdown = fc
    .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }))
    .chain(([a, b]) => {
      const parent = [...new Array<number>(a).fill(0), ...new Array<number>(b).fill(1)];
      const g = grid(parent.length, 2);
      return fc.tuple(fc.constant(parent), g, g, g);
    });

  it('property: no suppressed number of the three tables can be worked out from the rest', () => {
    fc.assert(
      fc.property(breakdown, ([parent, made, reached, helped]) => {
        // Every team has a vroegsignaal this month, so each one has its row.
        const signals = made.map((r) => (r[0] === 0 && r[1] === 0 ? [1, r[1] ?? 0] : r));
        const counts: RollupCount[] = [];
        const metrics: [RollupMetric, number[][]][] = [
          ['vroeg', signals],
          ['vroegContact', reached],
          ['vroegAccepted', helped],
        ];
        for (const [metric, teamCells] of metrics) {
          teamCells.forEach((r, t) =>
            r.forEach((n, j) => {
              if (n > 0)
                counts.push({
                  wijk: `w${parent[t]}`,
                  team: `t${t}`,
                  metric,
                  key: creditors[j] ?? '',
                  n,
                });
            }),
          );
        }
        const f = computeMonthFigures('2026-11', dims, counts);
        const tables: [ProtectedTable, number[][]][] = [
          [f.vroeg.signals, signals],
          [f.vroeg.contact, reached],
          [f.vroeg.accepted, helped],
        ];
        for (const [p, teamCells] of tables) {
          expect(p.rows).toEqual(['w0', 'w1']);
          expect(p.teams?.ids).toEqual(parent.map((i, t) => `w${i}|t${t}`));
          const cells = [0, 1].map((i) =>
            [0, 1].map((j) =>
              teamCells.reduce((a, r, t) => a + (parent[t] === i ? (r[j] ?? 0) : 0), 0),
            ),
          );
          expectTruthful(p, cells);
          const cap = cells.flat().reduce((a, b) => a + b, 0) + MIN_CELL;
          const values = feasibleNested(p, parent, cap);
          const keys = suppressedKeys(p);
          p.teams?.cells.forEach((r, t) =>
            r.forEach((c, j) => {
              const v = teamCells[t]?.[j] ?? 0;
              if (c.kind === 'value') expect(c.value).toBe(v);
              else if (c.kind === 'small') expect(v).toBeLessThan(MIN_CELL);
              else expect(v).toBeGreaterThanOrEqual(MIN_CELL);
              if (c.kind !== 'value') keys.push(`t${t},${j}`);
            }),
          );
          p.teams?.totals?.forEach((c, t) => c.kind !== 'value' && keys.push(`tt${t}`));
          for (const key of keys) {
            expect(values.get(key)?.size ?? 0, `suppressed ${key} is derivable`).toBeGreaterThan(1);
          }
        }
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
