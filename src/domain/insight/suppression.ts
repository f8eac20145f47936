/**
 * Small-cell suppression for the coordinator's figures, anonymous by construction.
 *
 * Every count below MIN_CELL is shown as "< 5" (primary suppression). That alone is not enough:
 * a row total minus the published cells gives a lone suppressed cell back. So we add
 * complementary suppressions until no suppressed number can be derived from what is published.
 *
 * The check is exact for a two-way table with its margins. Such a table is a circulation in a
 * small network (row margin RS→row, cell row→column, column margin column→CS, grand total
 * CS→RS); the published numbers fix some edges, the suppressed ones may take any value within
 * what a reader knows of them ("< 5" means 0–4, a hidden cell means ≥ 5). A suppressed number is
 * derivable exactly when no other feasible table differs in it, which — the constraint matrix
 * being totally unimodular — is when no cycle of movable edges runs through it in the residual
 * network. Where a cell is still derivable we suppress the cheapest published edges that close
 * such a cycle (fewest, then smallest numbers) and check again until nothing is derivable.
 */

export const MIN_CELL = 5;

/** What the coordinator's screen may show for one number. */
export type Published =
  | { kind: 'value'; value: number }
  /** A count of 0–4. */
  | { kind: 'small' }
  /** A count of 5 or more hidden so that a small one cannot be worked out. */
  | { kind: 'hidden' };

export interface CountTable {
  rows: readonly string[];
  cols: readonly string[];
  /** cells[row][col] */
  cells: readonly (readonly number[])[];
  /** Which margins the screen shows. */
  showRowTotals: boolean;
  showColTotals: boolean;
  showTotal: boolean;
}

export interface ProtectedTable {
  rows: string[];
  cols: string[];
  cells: Published[][];
  rowTotals: Published[] | null;
  colTotals: Published[] | null;
  total: Published | null;
}

/** How a row margin was decided in another table that shares it (see protectBreakdowns). */
export type MarginDecision = 'value' | 'small' | 'hidden';

type EdgeState = 'published' | 'small' | 'hidden' | 'free';

interface Edge {
  from: number;
  to: number;
  value: number;
  state: EdgeState;
  /** Published edges that may not be hidden (a margin fixed by another table), or never (grand total last). */
  hideCost: number;
}

const RS = 0;
const CS = 1;
const BIG = 1_000_000;

function bounds(edge: Edge): [number, number] {
  switch (edge.state) {
    case 'published':
      return [edge.value, edge.value];
    case 'small':
      return [0, MIN_CELL - 1];
    case 'hidden':
      return [MIN_CELL, Number.POSITIVE_INFINITY];
    case 'free':
      return [0, Number.POSITIVE_INFINITY];
  }
}

interface Network {
  nodes: number;
  edges: Edge[];
  cellEdge: number[][];
  rowEdge: number[];
  colEdge: number[];
  totalEdge: number;
}

function buildNetwork(table: CountTable, rowMargins?: readonly MarginDecision[]): Network {
  const m = table.rows.length;
  const n = table.cols.length;
  const rowNode = (i: number) => 2 + i;
  const colNode = (j: number) => 2 + m + j;
  const edges: Edge[] = [];
  const add = (from: number, to: number, value: number, shown: boolean, hideCost: number) => {
    const state: EdgeState = !shown ? 'free' : value < MIN_CELL ? 'small' : 'published';
    edges.push({ from, to, value, state, hideCost });
    return edges.length - 1;
  };
  const rowSums = table.cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = table.cols.map((_, j) => table.cells.reduce((a, r) => a + (r[j] ?? 0), 0));
  const total = rowSums.reduce((a, b) => a + b, 0);

  const rowEdge = table.rows.map((_, i) => {
    const e = add(RS, rowNode(i), rowSums[i] ?? 0, table.showRowTotals, BIG);
    const decided = rowMargins?.[i];
    const edge = edges[e];
    if (decided && edge && table.showRowTotals) {
      // Shared with another table: keep exactly what was decided there, never change it here.
      edge.state = decided === 'value' ? 'published' : decided;
      edge.hideCost = Number.POSITIVE_INFINITY;
    }
    return e;
  });
  const cellEdge = table.rows.map((_, i) =>
    table.cols.map((__, j) => add(rowNode(i), colNode(j), table.cells[i]?.[j] ?? 0, true, BIG)),
  );
  const colEdge = table.cols.map((_, j) =>
    add(colNode(j), CS, colSums[j] ?? 0, table.showColTotals, BIG),
  );
  const totalEdge = add(CS, RS, total, table.showTotal, BIG * BIG);
  return { nodes: 2 + m + n, edges, cellEdge, rowEdge, colEdge, totalEdge };
}

interface Arc {
  to: number;
  cost: number;
  /** The edge this arc moves along. */
  edge: number;
  /** The edge to hide when this arc is used while still published. */
  hides: number | null;
}

/**
 * Arcs along which a value can be shifted by one: movable edges cost nothing; when `allowHiding`,
 * published edges may be used at the price of hiding them.
 */
function arcs(net: Network, allowHiding: boolean): Arc[][] {
  const out: Arc[][] = Array.from({ length: net.nodes }, () => []);
  net.edges.forEach((edge, index) => {
    if (edge.state === 'published') {
      if (!allowHiding || !Number.isFinite(edge.hideCost)) return;
      const cost = edge.hideCost + edge.value;
      // Once hidden its lower bound is MIN_CELL: it can grow, and shrink only from above it.
      out[edge.from]?.push({ to: edge.to, cost, edge: index, hides: index });
      if (edge.value > MIN_CELL)
        out[edge.to]?.push({ to: edge.from, cost, edge: index, hides: index });
      return;
    }
    const [lo, hi] = bounds(edge);
    if (edge.value < hi) out[edge.from]?.push({ to: edge.to, cost: 0, edge: index, hides: null });
    if (edge.value > lo) out[edge.to]?.push({ to: edge.from, cost: 0, edge: index, hides: null });
  });
  return out;
}

/** Whether `to` can be reached from `from` without moving along edge `skip` (all arcs free). */
function reachable(graph: Arc[][], from: number, to: number, skip: number): boolean {
  const seen = new Array<boolean>(graph.length).fill(false);
  const stack = [from];
  seen[from] = true;
  while (stack.length > 0) {
    const u = stack.pop() ?? from;
    if (u === to) return true;
    for (const arc of graph[u] ?? []) {
      if (arc.edge === skip || seen[arc.to]) continue;
      seen[arc.to] = true;
      stack.push(arc.to);
    }
  }
  return false;
}

/** Cheapest path (Dijkstra; the graphs are tiny) as the list of published edges it would hide. */
function cheapestPath(
  graph: Arc[][],
  from: number,
  to: number,
  skip: number,
): { cost: number; hides: number[] } | null {
  const dist = new Array<number>(graph.length).fill(Number.POSITIVE_INFINITY);
  const via = new Array<{ node: number; hides: number | null } | null>(graph.length).fill(null);
  const done = new Array<boolean>(graph.length).fill(false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let k = 0; k < graph.length; k++) {
      if (
        !done[k] &&
        (dist[k] ?? Infinity) < Infinity &&
        (u < 0 || (dist[k] ?? 0) < (dist[u] ?? 0))
      )
        u = k;
    }
    if (u < 0) return null;
    if (u === to) break;
    done[u] = true;
    for (const arc of graph[u] ?? []) {
      if (arc.edge === skip) continue;
      const d = (dist[u] ?? 0) + arc.cost;
      if (d < (dist[arc.to] ?? Infinity)) {
        dist[arc.to] = d;
        via[arc.to] = { node: u, hides: arc.hides };
      }
    }
  }
  const hides: number[] = [];
  for (let k = to; k !== from;) {
    const step = via[k];
    if (!step) return null;
    if (step.hides !== null) hides.push(step.hides);
    k = step.node;
  }
  return { cost: dist[to] ?? Infinity, hides };
}

/** Ways (with the published edges each would hide) in which a suppressed edge could move. */
function hidingOptions(net: Network, index: number) {
  const edge = net.edges[index];
  if (!edge) return [];
  const [lo, hi] = bounds(edge);
  const graph = arcs(net, true);
  const options: { cost: number; hides: number[] }[] = [];
  if (edge.value < hi) {
    const p = cheapestPath(graph, edge.to, edge.from, index);
    if (p) options.push(p);
  }
  if (edge.value > lo) {
    const p = cheapestPath(graph, edge.from, edge.to, index);
    if (p) options.push(p);
  }
  return options;
}

function isSuppressed(edge: Edge): boolean {
  return edge.state === 'small' || edge.state === 'hidden';
}

/**
 * True when this suppressed edge's value follows from the published ones: it can neither grow
 * nor shrink, i.e. no cycle of movable edges (`graph`, built without hiding) runs through it.
 */
function derivable(net: Network, graph: Arc[][], index: number): boolean {
  const edge = net.edges[index];
  if (!edge) return false;
  const [lo, hi] = bounds(edge);
  if (edge.value < hi && reachable(graph, edge.to, edge.from, index)) return false;
  if (edge.value > lo && reachable(graph, edge.from, edge.to, index)) return false;
  return true;
}

/**
 * Adds complementary suppressions until no suppressed number is derivable; false if impossible.
 * Hiding only adds freedom, so a number once found safe stays safe: it is not checked again.
 */
function protect(net: Network): boolean {
  const safe = new Array<boolean>(net.edges.length).fill(false);
  for (let guard = 0; guard <= net.edges.length; guard++) {
    const graph = arcs(net, false);
    const exposed = net.edges.findIndex((e, i) => {
      if (safe[i] || !isSuppressed(e)) return false;
      if (derivable(net, graph, i)) return true;
      safe[i] = true;
      return false;
    });
    if (exposed < 0) return true;
    const options = hidingOptions(net, exposed).sort((a, b) => a.cost - b.cost);
    const best = options[0];
    if (!best || best.hides.length === 0) return false;
    for (const h of best.hides) {
      const edge = net.edges[h];
      if (edge) edge.state = 'hidden';
    }
  }
  return false;
}

function publish(edge: Edge | undefined): Published {
  if (!edge) return { kind: 'hidden' };
  if (edge.state === 'small') return { kind: 'small' };
  if (edge.state === 'hidden') return { kind: 'hidden' };
  return { kind: 'value', value: edge.value };
}

function hiddenTable(table: CountTable): ProtectedTable {
  const hidden = (): Published => ({ kind: 'hidden' });
  return {
    rows: [...table.rows],
    cols: [...table.cols],
    cells: table.rows.map(() => table.cols.map(hidden)),
    rowTotals: table.showRowTotals ? table.rows.map(hidden) : null,
    colTotals: table.showColTotals ? table.cols.map(hidden) : null,
    total: table.showTotal ? hidden() : null,
  };
}

function toProtected(table: CountTable, net: Network): ProtectedTable {
  return {
    rows: [...table.rows],
    cols: [...table.cols],
    cells: net.cellEdge.map((row) => row.map((e) => publish(net.edges[e]))),
    rowTotals: table.showRowTotals ? net.rowEdge.map((e) => publish(net.edges[e])) : null,
    colTotals: table.showColTotals ? net.colEdge.map((e) => publish(net.edges[e])) : null,
    total: table.showTotal ? publish(net.edges[net.totalEdge]) : null,
  };
}

/** Suppresses one table on its own (no margin shared with another table). */
export function protectTable(table: CountTable): ProtectedTable {
  const net = buildNetwork(table);
  return protect(net) ? toProtected(table, net) : hiddenTable(table);
}

/**
 * Several breakdowns of the same population by row (e.g. signals per wijk by category, by
 * urgency and by status) share their row totals. Those totals are decided once, on the table of
 * row totals alone, and then held fixed in every breakdown, so no two tables show the same
 * number differently (which would let a reader subtract one from the other). A breakdown that
 * cannot be protected without changing a shared total is not shown at all.
 */
export function protectBreakdowns(
  rows: readonly string[],
  breakdowns: readonly Omit<CountTable, 'rows' | 'showRowTotals' | 'showTotal'>[],
  rowTotalsIfNoBreakdown: readonly number[] = [],
): { rowTotals: Published[]; total: Published; tables: ProtectedTable[] } {
  const totals =
    breakdowns[0]?.cells.map((r) => r.reduce((a, b) => a + b, 0)) ??
    rows.map((_, i) => rowTotalsIfNoBreakdown[i] ?? 0);
  const margins = protectTable({
    rows,
    cols: ['totaal'],
    cells: totals.map((t) => [t]),
    showRowTotals: false,
    showColTotals: true,
    showTotal: false,
  });
  const rowTotals = margins.cells.map((r) => r[0] ?? { kind: 'hidden' as const });
  const decisions: MarginDecision[] = rowTotals.map((p) => p.kind);
  const total = margins.colTotals?.[0] ?? { kind: 'hidden' as const };
  const tables = breakdowns.map((b) => {
    const table: CountTable = { ...b, rows, showRowTotals: true, showTotal: true };
    const net = buildNetwork(table, decisions);
    // The grand total is shared too: hold it as the margins table decided.
    const totalEdge = net.edges[net.totalEdge];
    if (totalEdge) {
      totalEdge.state = total.kind === 'value' ? 'published' : total.kind;
      totalEdge.hideCost = Number.POSITIVE_INFINITY;
    }
    return protect(net) ? toProtected(table, net) : hiddenTable(table);
  });
  return { rowTotals, total, tables };
}
