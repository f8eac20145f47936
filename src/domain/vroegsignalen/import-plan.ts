import { addressKey } from './address';
import type { ParsedFile } from './import-file';
import type { ImportColumn, ImportRow, RowProblem } from './import-row';
import { REQUIRED_COLUMNS, ROW_ERRORS_NL, columnOf, validateImportRow } from './import-row';
import type { CreditorType } from './vroegsignaal';

/**
 * Decides what an import does, before anything is written: which rows become new signals,
 * which update a signal still open for the same household, which were imported before
 * (nothing changes), which are refused (line, column, reason) and which wait for a person to
 * place their address in a wijk. Pure; the server reads the context in the import's
 * transaction and writes the plan in that same transaction.
 *
 * One open signal per address and creditor type: a second report of the same huur arrears
 * updates the first (amount, months, date) instead of doubling it; a report of another creditor
 * at that address is a signal of its own (its amounts and its figures are another creditor's).
 */

/** The key under which a report joins an open signal: the normalised address and the creditor type. */
export function dedupeKey(
  row: Pick<ImportRow, 'postcode' | 'houseNumber' | 'houseNumberSuffix' | 'creditorType'>,
): string {
  return `${addressKey(row)}|${row.creditorType}`;
}

/** A signal made by an earlier import that is still open (status not afgerond or geen contact mogelijk). */
export interface OpenImportedSignal {
  id: string;
  arrearsCents: number;
  monthsInArrears: number;
  reportedOn: string;
}

export interface PlanContext {
  /** `YYYY-MM-DD`: report dates after today are refused. */
  today: string;
  /** Every reference imported before (as a signal, merged into one, or waiting to be placed). */
  knownRefs: ReadonlySet<string>;
  /** Open imported signals by dedupe key. */
  openSignals: ReadonlyMap<string, OpenImportedSignal>;
  /** The wijk an address lies in, from the placements the server knows; null: unknown. */
  wijkOf: (row: ImportRow) => string | null;
}

/** A new signal: the newest of the file's reports for that household and creditor. */
export interface PlannedSignal {
  key: string;
  wijk: string;
  row: ImportRow;
  /** Every reference it takes up (the file may report the same arrears twice, updated). */
  refs: string[];
}

export interface PlannedMerge {
  signalId: string;
  key: string;
  /** The report whose values the signal takes, or null when the open signal is newer already. */
  row: ImportRow | null;
  previous: OpenImportedSignal;
  refs: string[];
}

export interface ImportPlan {
  create: PlannedSignal[];
  merge: PlannedMerge[];
  /** Valid rows whose address is in no known wijk: kept aside, listed for a person to place. */
  unplaced: ImportRow[];
  /** Rows whose reference was imported before: nothing changes. */
  unchanged: { line: number; externalRef: string }[];
  rejected: RowProblem[];
  /** Headers this version does not read (shown so a misspelt column is noticed). */
  ignoredColumns: string[];
}

export type FilePlan =
  | { ok: true; plan: ImportPlan; rows: number }
  | {
      ok: false;
      problem: 'empty' | 'notJson' | 'notList' | 'noHeader' | 'unclosedQuote' | 'missingColumns';
      missing?: ImportColumn[];
      line?: number;
    };

/** A newer report wins; on the same date the later line (the file's own order). */
function newer(a: ImportRow, b: ImportRow): ImportRow {
  if (a.reportedOn !== b.reportedOn) return a.reportedOn > b.reportedOn ? a : b;
  return a.line > b.line ? a : b;
}

/** Plans the valid rows against what the server holds (see the module comment). */
export function planRows(
  rows: readonly ImportRow[],
  rejected: readonly RowProblem[],
  context: PlanContext,
): ImportPlan {
  const plan: ImportPlan = {
    create: [],
    merge: [],
    unplaced: [],
    unchanged: [],
    rejected: [...rejected],
    ignoredColumns: [],
  };
  const seenRefs = new Map<string, number>();
  const creates = new Map<string, PlannedSignal>();
  const merges = new Map<string, PlannedMerge>();
  for (const row of rows) {
    const earlierLine = seenRefs.get(row.externalRef);
    if (earlierLine !== undefined) {
      plan.rejected.push({
        line: row.line,
        field: 'referentie',
        code: 'duplicateRef',
        message: `${ROW_ERRORS_NL.duplicateRef} Zie regel ${earlierLine}.`,
      });
      continue;
    }
    seenRefs.set(row.externalRef, row.line);
    if (context.knownRefs.has(row.externalRef)) {
      plan.unchanged.push({ line: row.line, externalRef: row.externalRef });
      continue;
    }
    const key = dedupeKey(row);
    const open = context.openSignals.get(key);
    if (open) {
      const merge = merges.get(key);
      const offers = row.reportedOn >= open.reportedOn ? row : null;
      if (!merge) {
        merges.set(key, {
          signalId: open.id,
          key,
          row: offers,
          previous: open,
          refs: [row.externalRef],
        });
      } else {
        merge.refs.push(row.externalRef);
        if (offers) merge.row = merge.row ? newer(merge.row, offers) : offers;
      }
      continue;
    }
    const planned = creates.get(key);
    if (planned) {
      planned.refs.push(row.externalRef);
      planned.row = newer(planned.row, row);
      continue;
    }
    const wijk = context.wijkOf(row);
    if (wijk === null) {
      plan.unplaced.push(row);
      continue;
    }
    creates.set(key, { key, wijk, row, refs: [row.externalRef] });
  }
  plan.create = [...creates.values()];
  plan.merge = [...merges.values()];
  plan.rejected.sort((a, b) => a.line - b.line);
  return plan;
}

/** Validates every row of a parsed file; the valid rows in file order and every problem. */
export function validateRows(
  file: Extract<ParsedFile, { ok: true }>,
  today: string,
): { rows: ImportRow[]; rejected: RowProblem[] } {
  const rows: ImportRow[] = [];
  const rejected: RowProblem[] = [];
  for (const raw of file.rows) {
    const checked = validateImportRow(raw, today);
    if (checked.ok) rows.push(checked.row);
    else rejected.push(...checked.problems);
  }
  return { rows, rejected };
}

/** Which required columns a file lacks (a CSV header, or none of a JSON file's objects). */
export function missingColumns(file: Extract<ParsedFile, { ok: true }>): ImportColumn[] {
  const present = new Set(file.columns.map(columnOf).filter((c) => c !== null));
  return REQUIRED_COLUMNS.filter((c) => !present.has(c));
}

/** The whole decision for a parsed file. */
export function planImport(file: ParsedFile, context: PlanContext): FilePlan {
  if (!file.ok) {
    return file.line === undefined
      ? { ok: false, problem: file.problem }
      : { ok: false, problem: file.problem, line: file.line };
  }
  const missing = missingColumns(file);
  if (missing.length > 0) return { ok: false, problem: 'missingColumns', missing };
  const { rows, rejected } = validateRows(file, context.today);
  const plan = planRows(rows, rejected, context);
  plan.ignoredColumns = file.columns.filter((c) => c.trim() !== '' && columnOf(c) === null);
  return { ok: true, plan, rows: file.rows.length };
}

/** The creditor types in a plan's new signals, for the report (no addresses, no names). */
export function countByCreditor(plan: ImportPlan): Record<CreditorType, number> {
  const counts: Record<CreditorType, number> = {
    huur: 0,
    energie: 0,
    water: 0,
    zorgverzekering: 0,
  };
  for (const c of plan.create) counts[c.row.creditorType] += 1;
  return counts;
}
