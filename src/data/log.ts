/**
 * The app's one logger. It takes a code and counts, never record contents: residents' data must
 * not end up in a console or a crash report (AVG).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Detail = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, code: string, detail?: Detail): void {
  if (import.meta.env.MODE === 'test' && level !== 'error') return;
  console[level](`[dichtbij] ${code}`, detail ?? '');
}

export const log = {
  debug: (code: string, detail?: Detail) => write('debug', code, detail),
  info: (code: string, detail?: Detail) => write('info', code, detail),
  warn: (code: string, detail?: Detail) => write('warn', code, detail),
  error: (code: string, detail?: Detail) => write('error', code, detail),
};
