/**
 * The server names each problem in a refused catalogue as one line, the way the build does:
 * `regelingen.json: record [3] (id "dordtpas") field links[0].url: Invalid URL`. This splits a
 * line into file, record, field and message so the screen can show them as a table; a line in
 * another shape is kept whole as the message, so nothing the server said is dropped.
 */
export type CatalogueProblemKind =
  'invalid' | 'missingFile' | 'duplicateId' | 'unknownRef' | 'other';

export interface CatalogueProblem {
  kind: CatalogueProblemKind;
  file: string | null;
  /** The record's id when it has one. */
  recordId: string | null;
  /** The record's place in its file, counted from 1, when the id is not known. */
  recordNumber: number | null;
  field: string | null;
  /** What is wrong, as the server wrote it; for `unknownRef` the id that does not exist. */
  message: string;
  /** For `unknownRef`: the file the reference should point into. */
  target: string | null;
}

const FILE_LINE = /^([\w.-]+\.json): ([\s\S]*)$/;
const RECORD = /^record \[(\d+|undefined)\](?: \(id "([^"]*)"\))?(?: field (\S+))?: ([\s\S]*)$/;
const REFERENCE = /^id "([^"]*)" field (\S+): "([^"]*)" is not an id in ([\w.-]+)$/;
const DUPLICATE = /^id "([^"]*)" is used twice$/;

function problem(partial: Partial<CatalogueProblem> & { message: string }): CatalogueProblem {
  return {
    kind: 'other',
    file: null,
    recordId: null,
    recordNumber: null,
    field: null,
    target: null,
    ...partial,
  };
}

export function parseCatalogueProblem(line: string): CatalogueProblem {
  const fileLine = FILE_LINE.exec(line);
  if (!fileLine) return problem({ message: line });
  const file = fileLine[1] ?? null;
  const rest = fileLine[2] ?? '';
  if (rest === 'file is missing') return problem({ kind: 'missingFile', file, message: rest });
  const duplicate = DUPLICATE.exec(rest);
  if (duplicate) {
    return problem({ kind: 'duplicateId', file, recordId: duplicate[1] ?? null, message: rest });
  }
  const reference = REFERENCE.exec(rest);
  if (reference) {
    return problem({
      kind: 'unknownRef',
      file,
      recordId: reference[1] ?? null,
      field: reference[2] ?? null,
      message: reference[3] ?? '',
      target: reference[4] ?? null,
    });
  }
  const record = RECORD.exec(rest);
  if (record) {
    const index = Number(record[1]);
    return problem({
      kind: 'invalid',
      file,
      recordId: record[2] ?? null,
      recordNumber: Number.isInteger(index) ? index + 1 : null,
      field: record[3] ?? null,
      message: record[4] ?? '',
    });
  }
  return problem({ file, message: rest });
}
