import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type NewAuditEntry } from '../../domain/sync/audit';
import type { FieldStamps } from '../../domain/sync/merge';
import { insertAudit } from './audit-store';
import type { Database } from './database';
import type { Dialect } from './migrations';
import { erasedByRetention } from './vroeg-retention-store';
import type { VroegTables } from './vroeg-tables';
import { chunks } from './vroeg-write';

/**
 * Retention of the import's own tables (see domain/vroegsignalen/retention.ts for the rule). The
 * signals are erased by vroeg-retention-store.ts; what the import keeps beside them goes by the
 * same rule:
 *
 * - `vroeg_signals` and `vroeg_refs` rows of a signal erased by retention: its address with the
 *   creditor type, and the creditor's reference of the report, would otherwise outlive it. (A
 *   report with the same reference delivered again afterwards is then a new signal: the old one
 *   is gone.) Its erase is audited with the signal.
 * - `vroeg_pending`: a report that waited longer than the retention period for its address to be
 *   placed never became a signal, so no help can have been accepted on it. The whole report (name,
 *   address, amount) goes, with its reference; one `erase` entry per report, on its import.
 * - `vroeg_imports`: an import's bookkeeping row (who, when, counts; no resident data) once it is
 *   older than the period and nothing of it is kept any more; one `erase` entry.
 *
 * Placements (address or postcode → wijk) stay: they hold no report, and the next import needs
 * them. One transaction, under the import lock, so an import or placement cannot interleave.
 */
export interface ImportRowsErased {
  /** Signals erased by retention whose address and references were forgotten now. */
  signals: number;
  /** Waiting reports erased. */
  pending: number;
  /** Import bookkeeping rows erased. */
  imports: number;
}

type VTrx = Kysely<Database & VroegTables>;

export async function eraseExpiredImportRows(
  db: Kysely<Database>,
  dialect: Dialect,
  cutoff: string,
  now: string,
): Promise<ImportRowsErased> {
  return db.transaction().execute(async (trx) => {
    // The same lock the import and the placement take (vroeg-store.ts).
    if (dialect === 'postgres')
      await sql`LOCK TABLE vroeg_refs IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const v = trx.withTables<VroegTables>();
    const signals = await forgetErasedSignals(v);
    const entries: NewAuditEntry[] = [];
    const pending = await erasePending(v, cutoff, now, entries);
    const imports = await eraseImports(v, cutoff, now, entries);
    await insertAudit(trx, entries, dialect);
    return { signals, pending, imports };
  });
}

function erase(now: string, importId: string): NewAuditEntry {
  return {
    at: now,
    userId: SYSTEM_ACTOR,
    role: 'system',
    deviceId: 'server',
    entityType: 'vroegImport',
    entityId: importId,
    action: 'erase',
  };
}

/** The signal ids in the bookkeeping whose record is a tombstone left by retention. */
async function erasedSignalIds(v: VTrx): Promise<string[]> {
  const tombstones = (table: 'vroeg_signals' | 'vroeg_refs') =>
    v
      .selectFrom(table)
      .innerJoin('records', (join) =>
        join
          .onRef('records.id', '=', `${table}.signal_id`)
          .on('records.entity_type', '=', 'signal'),
      )
      .select(['records.id as id', 'records.stamps as stamps'])
      .where('records.deleted', '=', 1)
      .execute();
  const found = [...(await tombstones('vroeg_signals')), ...(await tombstones('vroeg_refs'))];
  const ids = found
    .filter((r) => erasedByRetention(JSON.parse(r.stamps) as FieldStamps))
    .map((r) => r.id);
  return [...new Set(ids)];
}

async function forgetErasedSignals(v: VTrx): Promise<number> {
  const ids = await erasedSignalIds(v);
  for (const part of chunks(ids)) {
    await v.deleteFrom('vroeg_signals').where('signal_id', 'in', part).execute();
    await v.deleteFrom('vroeg_refs').where('signal_id', 'in', part).execute();
  }
  return ids.length;
}

async function erasePending(
  v: VTrx,
  cutoff: string,
  now: string,
  entries: NewAuditEntry[],
): Promise<number> {
  const expired = await v
    .selectFrom('vroeg_pending')
    .select(['external_ref', 'import_id'])
    .where('created_at', '<', cutoff)
    .execute();
  for (const part of chunks(expired.map((p) => p.external_ref))) {
    await v.deleteFrom('vroeg_pending').where('external_ref', 'in', part).execute();
    await v
      .deleteFrom('vroeg_refs')
      .where('external_ref', 'in', part)
      .where('state', '=', 'pending')
      .execute();
  }
  for (const p of expired) entries.push(erase(now, p.import_id));
  return expired.length;
}

async function eraseImports(
  v: VTrx,
  cutoff: string,
  now: string,
  entries: NewAuditEntry[],
): Promise<number> {
  const old = await v
    .selectFrom('vroeg_imports')
    .select('id')
    .where('at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('vroeg_refs')
            .select('vroeg_refs.import_id')
            .whereRef('vroeg_refs.import_id', '=', 'vroeg_imports.id'),
        ),
      ),
    )
    .execute();
  const ids = old.map((i) => i.id);
  for (const part of chunks(ids))
    await v.deleteFrom('vroeg_imports').where('id', 'in', part).execute();
  for (const id of ids) entries.push(erase(now, id));
  return ids.length;
}
