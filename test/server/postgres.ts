import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15; CI installs it (`.ci/run`). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface RunningPostgres {
  url: string;
  /** The data directory (the bench reads the postmaster's pid there). */
  dataDir: string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | undefined {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) return undefined;
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

/** initdb refuses root, so as root the commands run as the postgres user on a directory it owns. */
function run(command: string, asPostgres: boolean): void {
  const result = asPostgres
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
    : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`PostgreSQL command failed (${command}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Starts a throwaway PostgreSQL 15 on 127.0.0.1 and a free port, in a temp directory, tuned for
 * tests (no fsync). Fails loudly when the binaries are missing rather than skipping the suite.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 is not installed (${PG_BIN}/initdb missing). Install it with ` +
        '`apt-get install postgresql` (CI does this in .ci/run); the server suite needs it.',
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'dichtbij-pg-'));
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) {
    const owner = uidOf('postgres');
    if (!owner) throw new Error('Running as root but there is no postgres user to run initdb as.');
    chownSync(root, owner.uid, owner.gid);
  }
  const port = await freePort();
  const data = join(root, 'data');
  run(`${PG_BIN}/initdb -D ${data} -U app --auth=trust -E UTF8 >/dev/null`, asPostgres);
  const settings = [
    'listen_addresses=127.0.0.1',
    `port=${port}`,
    `unix_socket_directories=${root}`,
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=300',
  ]
    .map((s) => `-c ${s}`)
    .join(' ');
  try {
    run(
      `${PG_BIN}/pg_ctl -D ${data} -o '${settings}' -l ${root}/server.log -w start >/dev/null`,
      asPostgres,
    );
  } catch (e) {
    const logFile = join(root, 'server.log');
    const logText = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${logText}`, { cause: e });
  }
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    dataDir: data,
    stop: () => {
      try {
        run(`${PG_BIN}/pg_ctl -D ${data} -m immediate -w stop >/dev/null`, asPostgres);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

let counter = 0;

/** A new empty database on the running server, so test files and runs never share state. */
export async function freshDatabase(adminUrl: string, prefix = 't'): Promise<string> {
  counter += 1;
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
