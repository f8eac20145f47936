/**
 * The server's one logger: a code and counts per line, never record contents, names, e-mail
 * addresses or tokens, because logs are kept longer and read by more people than the data.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Detail = Record<string, string | number | boolean | null | undefined>;

const ORDER: Record<Level | 'silent', number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

function threshold(): number {
  const configured = process.env.LOG_LEVEL;
  if (configured && configured in ORDER) return ORDER[configured as Level | 'silent'];
  // Tests assert on behaviour, not on log lines; keep their output readable.
  return process.env.VITEST ? ORDER.error : ORDER.info;
}

function write(level: Level, code: string, detail?: Detail): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, code, ...detail });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (code: string, detail?: Detail) => write('debug', code, detail),
  info: (code: string, detail?: Detail) => write('info', code, detail),
  warn: (code: string, detail?: Detail) => write('warn', code, detail),
  error: (code: string, detail?: Detail) => write('error', code, detail),
};

/** Lines for the operator at start-up (URL, demo logins); demo accounts only, never real ones. */
export function announce(lines: readonly string[]): void {
  console.log(lines.join('\n'));
}
