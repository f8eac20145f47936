/**
 * Reads an import file (CSV or JSON, UTF-8) into raw rows with their line numbers, before any
 * field is checked. Column names are matched without regard to case, spaces, dashes or
 * underscores, and through the aliases in import-row.ts, so "Huisnummer", "huis_nummer" and
 * "HUISNUMMER" are one column. Pure: the server and the tests call it with the file's text.
 */

/** One data row: the cells by column name as written, and where it is in the file. */
export interface RawRow {
  /** CSV: the line the row starts on (the header is line 1). JSON: the position in the list, from 1. */
  line: number;
  cells: Record<string, string>;
}

export type FileProblem = 'empty' | 'notJson' | 'notList' | 'noHeader' | 'unclosedQuote';

export type ParsedFile =
  | { ok: true; format: 'csv' | 'json'; columns: string[]; rows: RawRow[] }
  | { ok: false; problem: FileProblem; line?: number };

const BOM = '\uFEFF';

/** Reads CSV or JSON: JSON when the first character (after a BOM and spaces) is `[` or `{`. */
export function parseImportFile(text: string): ParsedFile {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined) return { ok: false, problem: 'empty' };
  if (first === '[' || first === '{') return parseJson(body);
  return parseCsv(body);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A JSON number's decimal point written as the Dutch comma: "240.5" is 240,50 euro, never
  // read as a thousands separator (see parseEuroCents).
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return String(value);
  // Nested values are not a column's value; an unreadable marker makes the row's check fail.
  return '\u0000';
}

/** A JSON list of objects, or an object with the list under `signalen` (or `signals`). */
function parseJson(body: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (!Array.isArray(value) && typeof value === 'object' && value !== null) {
    const holder = value as Record<string, unknown>;
    value = holder.signalen ?? holder.signals;
  }
  if (!Array.isArray(value)) return { ok: false, problem: 'notList' };
  const columns = new Set<string>();
  const rows: RawRow[] = value.map((item, index) => {
    const cells: Record<string, string> = {};
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      for (const [key, cell] of Object.entries(item as Record<string, unknown>)) {
        columns.add(key);
        cells[key] = cellText(cell);
      }
    }
    return { line: index + 1, cells };
  });
  if (rows.length === 0) return { ok: false, problem: 'empty' };
  return { ok: true, format: 'json', columns: [...columns], rows };
}

/** The delimiter the header uses: `;` (what Dutch spreadsheet software writes), `,` or a tab. */
function delimiterOf(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ';';
}

/**
 * RFC 4180 CSV: quoted cells may hold the delimiter, quotes (doubled) and line breaks. Rows
 * that are entirely empty are skipped; line numbers stay those of the file.
 */
function parseCsv(body: string): ParsedFile {
  const headerEnd = body.search(/\r?\n/);
  const delimiter = delimiterOf(headerEnd === -1 ? body : body.slice(0, headerEnd));
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) return { ok: false, problem: 'unclosedQuote', line: quoteLine };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) return { ok: false, problem: 'empty' };
  const columns = header.cells.map((c) => c.trim());
  if (columns.every((c) => c === '')) return { ok: false, problem: 'noHeader' };
  const rows = nonEmpty.slice(1).map((r): RawRow => {
    const byName: Record<string, string> = {};
    columns.forEach((name, index) => {
      if (name !== '') byName[name] = r.cells[index] ?? '';
    });
    return { line: r.line, cells: byName };
  });
  if (rows.length === 0) return { ok: false, problem: 'empty' };
  return { ok: true, format: 'csv', columns, rows };
}
