import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mutation } from '../../src/domain/sync/protocol';
import { MAX_PUSH_BATCH } from '../../src/domain/sync/protocol';
import { DEFAULT_TEAMS } from '../../src/domain/signals/handover';
import { parseImportFile } from '../../src/domain/vroegsignalen/import-file';
import { validateRows } from '../../src/domain/vroegsignalen/import-plan';
import { signalDataFromReport } from '../../src/domain/vroegsignalen/signal-from-report';
import { seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openSqliteStorage } from '../../src/server/storage/kysely-storage';
import type { VroegContext } from '../../src/server/storage/vroeg-store';
import { openVroegStore } from '../../src/server/storage/vroeg-store';
import type { VroegTables } from '../../src/server/storage/vroeg-tables';

/**
 * Issue 17: importing 100,000 arrears reports (one CSV, one transaction, SQLite file in WAL as
 * `npm start` runs it), with time and peak memory (RSS) per phase, next to baselines measured
 * in the same run: parsing and validating only, and the same number of signals written through
 * the plain push path (batches of 200, as devices send them). Synthetic rows only.
 */
const ROWS = Number(process.env.VROEG_BENCH_ROWS ?? 100_000);
const POSTCODES = 1000;
const TODAY = new Date().toISOString().slice(0, 10);
const CREDITORS = ['huur', 'energie', 'water', 'zorgverzekering'] as const;
const WIJKEN = ['wielwijk', 'crabbehof', 'oud-krispijn', 'nieuw-krispijn', 'sterrenburg'];

function postcodeOf(i: number): string {
  const letters = 'ABCDEFGHJKLMNPRTUVWXYZ';
  const n = i % POSTCODES;
  return `${3300 + Math.floor(n / 20)}${letters[n % 20]}${letters[(n * 7) % 20]}`;
}

/** Unique address and creditor per row, so every row makes a signal (the heaviest case). */
function syntheticCsv(rows: number): string {
  const lines = [
    'referentie;soort;bedrag;maanden;datum;naam;straat;huisnummer;toevoeging;postcode;woonplaats',
  ];
  for (let i = 0; i < rows; i++) {
    const creditor = CREDITORS[i % 4];
    const number = Math.floor(i / (4 * POSTCODES)) + 1;
    const euros = 50 + (i % 2000);
    lines.push(
      `BENCH-${i};${creditor};${euros},${String(i % 100).padStart(2, '0')};${1 + (i % 6)};${TODAY};` +
        `Huishouden ${i} (fictief);Proefstraat;${number};;${postcodeOf(Math.floor(i / 4))};Dordrecht`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Peak RSS while `work` runs, sampled every 20 ms, in MB. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; peakRssMb: number; value: T }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      ms: Math.round(performance.now() - started),
      peakRssMb: Math.round(peak / 2 ** 20),
      value,
    };
  } finally {
    clearInterval(timer);
  }
}

async function freshStore(dir: string, name: string): Promise<KyselySyncStorage> {
  const storage = openSqliteStorage(join(dir, `${name}.sqlite`));
  await storage.migrate();
  await seedDemoUsers(storage);
  return storage;
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-vroeg-bench-'));
  try {
    const csv = syntheticCsv(ROWS);
    const baseRss = Math.round(process.memoryUsage().rss / 2 ** 20);

    // Baseline 1: reading and checking the file only.
    const parse = await measured(async () => {
      const file = parseImportFile(csv);
      if (!file.ok) throw new Error('bench file unreadable');
      return { file, ...validateRows(file, TODAY) };
    });
    if (parse.value.rows.length !== ROWS)
      throw new Error(`only ${parse.value.rows.length} rows valid`);

    // The import: a store whose postcodes are placed (a placement per postcode, as a person
    // would leave them), so every row becomes a signal.
    const storage = await freshStore(dir, 'import');
    const vroeg = openVroegStore(storage.dialect, storage.db);
    await vroeg.migrate();
    const v = storage.db.withTables<VroegTables>();
    for (let i = 0; i < POSTCODES; i += 200) {
      await v
        .insertInto('vroeg_placements')
        .values(
          Array.from({ length: Math.min(200, POSTCODES - i) }, (_, k) => ({
            address_key: `${postcodeOf(i + k)}|*`,
            wijk: WIJKEN[(i + k) % WIJKEN.length]!,
            source: 'bench',
            placed_by: 'demo-coordinator',
            placed_at: new Date().toISOString(),
          })),
        )
        .execute();
    }
    const actor = {
      user: {
        id: 'demo-coordinator',
        role: 'coordinator' as const,
        teamId: null,
        organisationId: null,
        wijken: [],
      },
      deviceId: 'bench-coordinator-device',
    };
    const context: VroegContext = { wijken: new Set(WIJKEN), teams: DEFAULT_TEAMS, today: TODAY };
    const importOnce = () =>
      measured(async () => {
        const file = parseImportFile(csv);
        if (!file.ok) throw new Error('bench file unreadable');
        const { rows, rejected } = validateRows(file, TODAY);
        return vroeg.importReports(
          actor,
          { format: 'csv', fileRows: file.rows.length, rows, rejected, ignoredColumns: [] },
          context,
          new Date().toISOString(),
        );
      });
    const first = await importOnce();
    if (first.value.created !== ROWS) throw new Error(`import made ${first.value.created} signals`);
    // Importing the same file again: every reference known, nothing written.
    const again = await importOnce();
    if (again.value.unchanged !== ROWS) throw new Error('re-import changed something');
    await storage.close();

    // Baseline 2: the same signals through the push path, in device-sized batches.
    const pushStore = await freshStore(dir, 'push');
    const worker = {
      user: {
        id: 'demo-wijkteam',
        role: 'wijkteam' as const,
        teamId: 'team-wijkteam-west',
        organisationId: 'org-sociaal-wijkteam',
        wijken: ['wielwijk', 'crabbehof'],
      },
      deviceId: 'bench-wijkteam-device',
    };
    const pushed = await measured(async () => {
      const createdAt = new Date().toISOString();
      let seq = 0;
      for (let i = 0; i < ROWS; i += MAX_PUSH_BATCH) {
        const batch: Mutation[] = parse.value.rows.slice(i, i + MAX_PUSH_BATCH).map((row) => {
          seq += 1;
          return {
            mutationId: `bench-push-${seq}`,
            seq,
            entityType: 'signal',
            entityId: `bench-signal-${seq}`,
            op: 'put',
            baseVersion: 0,
            schemaVersion: 1,
            createdAt,
            payload: {
              wijk: seq % 2 ? 'wielwijk' : 'crabbehof',
              status: 'nieuw',
              data: signalDataFromReport(row, 'bench', TODAY),
            },
          };
        });
        await pushStore.push(worker, batch, createdAt);
      }
    });
    await pushStore.close();

    return {
      rows: ROWS,
      baseRssMb: baseRss,
      parseValidateMs: parse.ms,
      parseValidatePeakRssMb: parse.peakRssMb,
      importMs: first.ms,
      importRowsPerSecond: Math.round((ROWS / first.ms) * 1000),
      importPeakRssMb: first.peakRssMb,
      reimportUnchangedMs: again.ms,
      reimportPeakRssMb: again.peakRssMb,
      baselinePushMs: pushed.ms,
      baselinePushRowsPerSecond: Math.round((ROWS / pushed.ms) * 1000),
      baselinePushPeakRssMb: pushed.peakRssMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
