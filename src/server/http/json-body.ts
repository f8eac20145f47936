/**
 * Request bodies are checked for nesting depth before anything parses or validates them: a
 * 4 KB body of 2,000 nested arrays is cheap to send and makes recursive validation (zod's
 * `z.json()`, the merge's flatten) throw a RangeError. The scan is iterative, so it cannot
 * overflow the stack itself, and it runs on the raw text, so JSON.parse never sees a deep body.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in `text`, counted without recursion; strings are skipped. */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i += 1;
      else if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth -= 1;
  }
  return false;
}

export type JsonBody =
  { ok: true; value: unknown } | { ok: false; problem: 'notJson' | 'tooDeep'; message: string };

/** Parses a request body that the size limit has already let through; never throws. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): JsonBody {
  if (jsonDepthExceeds(text, maxDepth)) {
    return {
      ok: false,
      problem: 'tooDeep',
      message: `The body is nested deeper than ${maxDepth} levels; nothing was saved.`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'notJson', message: 'The body is not JSON.' };
  }
}
