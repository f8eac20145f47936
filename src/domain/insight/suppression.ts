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
 *
 * Teams within a wijk (the screen's "per team") keep that exactness: a wijk's cell is the sum of
 * its teams' cells, so the network gets a node per team and one per wijk × column in between
 * (wijk margin RS→wijk, team margin wijk→team, team cell team→(wijk, column), wijk cell
 * (wijk, column)→column, …). It is still a circulation, so one check covers the wijk table, the
 * team table, Dordrecht's totals and every subtraction between them. A team working in several
 * wijken is a row per wijk; its sum over wijken is not published (that second way of adding up
 * the same cells would no longer be a network, and the check would no longer be exact).
 */

export const MIN_CELL = 5;

/** What the coordinator's screen may show for one number. */
export type Published =
  | { kind: 'value'; value: number }
  /** A count of 0–4. */
  | { kind: 'small' }
  /** A count of 5 or more hidden so that a small one cannot be worked out. */
  | { kind: 'hidden' };

/** Rows within rows: teams within a wijk. `parent[k]` is the row team row k belongs to. */
export interface TeamCounts {
  ids: readonly string[];
  parent: readonly number[];
  /** cells[team][col]; a row's cells are the sums of its teams' cells. */
  cells: readonly (readonly number[])[];
}

export interface CountTable {
  rows: readonly string[];
  cols: readonly string[];
  /** cells[row][col] */
  cells: readonly (readonly number[])[];
  /** Every row with at least one team row, when the table is also shown per team. */
  teams?: TeamCounts | undefined;
  /** Which margins the screen shows. */
  showRowTotals: boolean;
  showColTotals: boolean;
  showTotal: boolean;
}

export interface ProtectedTeams {
  ids: string[];
  cells: Published[][];
  /** Shown where the rows' totals are. */
  totals: Published[] | null;
}

export interface ProtectedTable {
  rows: string[];
  cols: string[];
  cells: Published[][];
  rowTotals: Published[] | null;
  colTotals: Published[] | null;
  total: Published | null;
  teams: ProtectedTeams | null;
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
  teamEdge: number[];
  teamCellEdge: number[][];
}

/** Margins decided in another table that shares them, held as they are. */
interface Held {
  rows?: readonly MarginDecision[] | undefined;
  teams?: readonly MarginDecision[] | undefined;
}

function hold(edge: Edge | undefined, decided: MarginDecision | undefined, shown: boolean) {
  if (!edge || !decided || !shown) return;
  // Shared with another table: keep exactly what was decided there, never change it here.
  edge.state = decided === 'value' ? 'published' : decided;
  edge.hideCost = Number.POSITIVE_INFINITY;
}

function buildNetwork(table: CountTable, held: Held = {}): Network {
  const m = table.rows.length;
  const n = table.cols.length;
  const teams = table.teams;
  const k = teams?.ids.length ?? 0;
  const rowNode = (i: number) => 2 + i;
  const colNode = (j: number) => 2 + m + j;
  const teamNode = (t: number) => 2 + m + n + t;
  // With teams, a wijk's cell runs from a (wijk, column) node its teams' cells flow into.
  const cellNode = (i: number, j: number) => (teams ? 2 + m + n + k + i * n + j : rowNode(i));
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
    hold(edges[e], held.rows?.[i], table.showRowTotals);
    return e;
  });
  const teamEdge = (teams?.ids ?? []).map((_, t) => {
    const sum = (teams?.cells[t] ?? []).reduce((a, b) => a + b, 0);
    const e = add(rowNode(teams?.parent[t] ?? 0), teamNode(t), sum, table.showRowTotals, BIG);
    hold(edges[e], held.teams?.[t], table.showRowTotals);
    return e;
  });
  const teamCellEdge = (teams?.ids ?? []).map((_, t) =>
    table.cols.map((__, j) =>
      add(teamNode(t), cellNode(teams?.parent[t] ?? 0, j), teams?.cells[t]?.[j] ?? 0, true, BIG),
    ),
  );
  const cellEdge = table.rows.map((_, i) =>
    table.cols.map((__, j) => add(cellNode(i, j), colNode(j), table.cells[i]?.[j] ?? 0, true, BIG)),
  );
  const colEdge = table.cols.map((_, j) =>
    add(colNode(j), CS, colSums[j] ?? 0, table.showColTotals, BIG),
  );
  const totalEdge = add(CS, RS, total, table.showTotal, BIG * BIG);
  const nodes = teams ? 2 + m + n + k + m * n : 2 + m + n;
  return { nodes, edges, cellEdge, rowEdge, colEdge, totalEdge, teamEdge, teamCellEdge };
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

/** [cost, node] before another: by cost, then by node, so ties settle as a scan by index would. */
function before(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/**
 * A binary min-heap of [cost, node] for Dijkstra (the wijk × team networks reach ~1,000 nodes).
 * Nodes settle in the same order as the plain scan did, so the same cells get hidden.
 */
class Heap {
  private items: [number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: [number, number]): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const up = a[p];
      if (!up || !before(item, up)) break;
      a[i] = up;
      i = p;
    }
    a[i] = item;
  }
  pop(): [number, number] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const left = a[l];
      const right = a[r];
      const c = right && left && before(right, left) ? r : l;
      const child = a[c];
      if (!child || !before(child, last)) break;
      a[i] = child;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/** Cheapest path (Dijkstra) as the list of published edges it would hide. */
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
  const heap = new Heap();
  heap.push([0, from]);
  while (heap.size > 0) {
    const [d0, u] = heap.pop() ?? [0, from];
    if (done[u] || d0 > (dist[u] ?? Infinity)) continue;
    if (u === to) break;
    done[u] = true;
    for (const arc of graph[u] ?? []) {
      if (arc.edge === skip) continue;
      const d = d0 + arc.cost;
      if (d < (dist[arc.to] ?? Infinity)) {
        dist[arc.to] = d;
        via[arc.to] = { node: u, hides: arc.hides };
        heap.push([d, arc.to]);
      }
    }
  }
  if (!Number.isFinite(dist[to] ?? Infinity)) return null;
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
  const teams = table.teams;
  return {
    rows: [...table.rows],
    cols: [...table.cols],
    cells: table.rows.map(() => table.cols.map(hidden)),
    rowTotals: table.showRowTotals ? table.rows.map(hidden) : null,
    colTotals: table.showColTotals ? table.cols.map(hidden) : null,
    total: table.showTotal ? hidden() : null,
    teams: teams
      ? {
          ids: [...teams.ids],
          cells: teams.ids.map(() => table.cols.map(hidden)),
          totals: table.showRowTotals ? teams.ids.map(hidden) : null,
        }
      : null,
  };
}

function toProtected(table: CountTable, net: Network): ProtectedTable {
  const at = (e: number) => publish(net.edges[e]);
  return {
    rows: [...table.rows],
    cols: [...table.cols],
    cells: net.cellEdge.map((row) => row.map(at)),
    rowTotals: table.showRowTotals ? net.rowEdge.map(at) : null,
    colTotals: table.showColTotals ? net.colEdge.map(at) : null,
    total: table.showTotal ? at(net.totalEdge) : null,
    teams: table.teams
      ? {
          ids: [...table.teams.ids],
          cells: net.teamCellEdge.map((row) => row.map(at)),
          totals: table.showRowTotals ? net.teamEdge.map(at) : null,
        }
      : null,
  };
}

/** Suppresses one table on its own (no margin shared with another table). */
export function protectTable(table: CountTable): ProtectedTable {
  const net = buildNetwork(table);
  return protect(net) ? toProtected(table, net) : hiddenTable(table);
}

/**
 * Several breakdowns of the same population by row (e.g. signals per wijk by category, by
 * urgency and by status) share their row totals (and their teams' totals). Those totals are
 * decided once, on the table of totals alone, and then held fixed in every breakdown, so no two
 * tables show the same number differently (which would let a reader subtract one from the
 * other). A breakdown that cannot be protected without changing a shared total is not shown.
 */
export function protectBreakdowns(
  rows: readonly string[],
  breakdowns: readonly Omit<CountTable, 'rows' | 'showRowTotals' | 'showTotal'>[],
  rowTotalsIfNoBreakdown: readonly number[] = [],
): {
  rowTotals: Published[];
  teamTotals: Published[] | null;
  total: Published;
  tables: ProtectedTable[];
} {
  const sums = (cells: readonly (readonly number[])[]) =>
    cells.map((r) => [r.reduce((a, b) => a + b, 0)]);
  const first = breakdowns[0];
  const totals = first ? sums(first.cells) : rows.map((_, i) => [rowTotalsIfNoBreakdown[i] ?? 0]);
  const teams = first?.teams;
  const margins = protectTable({
    rows,
    cols: ['totaal'],
    cells: totals,
    teams: teams && { ...teams, cells: sums(teams.cells) },
    showRowTotals: false,
    showColTotals: true,
    showTotal: false,
  });
  const hidden = { kind: 'hidden' as const };
  const rowTotals = margins.cells.map((r) => r[0] ?? hidden);
  const teamTotals = margins.teams ? margins.teams.cells.map((r) => r[0] ?? hidden) : null;
  const total = margins.colTotals?.[0] ?? hidden;
  const tables = breakdowns.map((b) => {
    const table: CountTable = { ...b, rows, showRowTotals: true, showTotal: true };
    const net = buildNetwork(table, {
      rows: rowTotals.map((p) => p.kind),
      teams: teamTotals?.map((p) => p.kind),
    });
    // The grand total is shared too: hold it as the margins table decided.
    hold(net.edges[net.totalEdge], total.kind, true);
    return protect(net) ? toProtected(table, net) : hiddenTable(table);
  });
  return { rowTotals, teamTotals, total, tables };
}
