import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { SignalTeam } from '../../domain/signals/handover';
import { addressKey } from '../../domain/vroegsignalen/address';
import type { ImportRow, RowProblem } from '../../domain/vroegsignalen/import-row';
import { importRowSchema } from '../../domain/vroegsignalen/import-row';
import { countByCreditor, planRows } from '../../domain/vroegsignalen/import-plan';
import type {
  ImportReport,
  PlaceResponse,
  UnplacedAddress,
} from '../../domain/vroegsignalen/import-report';
import type { CreditorType } from '../../domain/vroegsignalen/vroegsignaal';
import type { Database } from './database';
import type { Dialect } from './migrations';
import type { Trx } from './rows';
import type { Actor } from './sync-storage';
import type { VroegTables } from './vroeg-tables';
import { migrateVroegTables } from './vroeg-tables';
import { eraseExpiredImportRows, type ImportRowsErased } from './vroeg-retention-imports';
import { applyPlan, chunks, postcodeKey, readContext, type VDb } from './vroeg-write';
import type { ValidCampaign } from '../../domain/vroegsignalen/campaign';
import type {
  CampaignSummary,
  CreateCampaignResponse,
} from '../../domain/vroegsignalen/campaign-report';
import { createCampaign, listCampaigns } from './campaign-store';

/** What the server knows when it places a signal: the catalogue's wijken and the teams by wijk. */
export interface VroegContext {
  wijken: ReadonlySet<string>;
  teams: readonly SignalTeam[];
  /** `YYYY-MM-DD` (report dates after it are refused; contact is due counted from it). */
  today: string;
}

/** The checked file, as the route hands it over. */
export interface CheckedFile {
  format: 'csv' | 'json';
  fileRows: number;
  rows: readonly ImportRow[];
  rejected: readonly RowProblem[];
  ignoredColumns: readonly string[];
}

export interface VroegStore {
  migrate(): Promise<void>;
  /** One transaction: every accepted row is written (through the push's writer), or nothing. */
  importReports(
    actor: Actor,
    file: CheckedFile,
    context: VroegContext,
    now: string,
  ): Promise<ImportReport>;
  listUnplaced(): Promise<UnplacedAddress[]>;
  /** Null when no report waits for that address (placed meanwhile, or never imported). */
  place(
    actor: Actor,
    request: { addressKey: string; wijk: string; wholePostcode: boolean },
    context: VroegContext,
    now: string,
  ): Promise<PlaceResponse | null>;
  /**
   * Retention of the import's own rows (vroeg-retention-imports.ts): run after the signals'
   * erase, so the bookkeeping of the signals just erased goes too.
   */
  eraseExpired(cutoff: string, now: string): Promise<ImportRowsErased>;
  /** A door-to-door campaign and its addresses as signal records, in one transaction. */
  createCampaign(
    actor: Actor,
    campaign: ValidCampaign,
    context: VroegContext,
    now: string,
  ): Promise<CreateCampaignResponse>;
  listCampaigns(): Promise<CampaignSummary[]>;
}

/** One import at a time on PostgreSQL, so two cannot both take the same reference or address. */
async function lockImports(trx: Trx, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres')
    await sql`LOCK TABLE vroeg_refs IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
}

function wijkFinder(placements: ReadonlyMap<string, string>, wijken: ReadonlySet<string>) {
  return (row: ImportRow): string | null => {
    const wijk = placements.get(addressKey(row)) ?? placements.get(postcodeKey(row.postcode));
    // A placement into a wijk the current catalogue no longer has is no placement.
    return wijk !== undefined && wijken.has(wijk) ? wijk : null;
  };
}

function unplacedOf(
  pending: readonly Pick<
    Selectable<VroegTables['vroeg_pending']>,
    'address_key' | 'report' | 'created_at'
  >[],
): UnplacedAddress[] {
  const byKey = new Map<string, UnplacedAddress>();
  for (const p of pending) {
    const row = importRowSchema.parse(JSON.parse(p.report));
    const entry = byKey.get(p.address_key);
    if (entry) {
      entry.reports += 1;
      if (!entry.creditorTypes.includes(row.creditorType))
        entry.creditorTypes.push(row.creditorType);
      if (p.created_at < entry.firstImportedAt) entry.firstImportedAt = p.created_at;
      continue;
    }
    byKey.set(p.address_key, {
      addressKey: p.address_key,
      street: row.street,
      houseNumber: row.houseNumber,
      houseNumberSuffix: row.houseNumberSuffix ?? null,
      postcode: row.postcode,
      city: row.city,
      reports: 1,
      creditorTypes: [row.creditorType],
      firstImportedAt: p.created_at,
    });
  }
  return [...byKey.values()].sort(
    (a, b) => a.postcode.localeCompare(b.postcode) || a.houseNumber - b.houseNumber,
  );
}

class KyselyVroegStore implements VroegStore {
  constructor(
    private readonly dialect: Dialect,
    private readonly db: Kysely<Database>,
  ) {}

  migrate(): Promise<void> {
    return migrateVroegTables(this.dialect, this.db);
  }

  async importReports(
    actor: Actor,
    file: CheckedFile,
    context: VroegContext,
    now: string,
  ): Promise<ImportReport> {
    const importId = `vi-${crypto.randomUUID()}`;
    return this.db.transaction().execute(async (trx) => {
      await lockImports(trx, this.dialect);
      const v = trx.withTables<VroegTables>();
      const { knownRefs, open, placements } = await readContext(v, file.rows, new Set());
      const plan = planRows(file.rows, file.rejected, {
        today: context.today,
        knownRefs,
        openSignals: new Map([...open].map(([k, o]) => [k, o.signal])),
        wijkOf: wijkFinder(placements, context.wijken),
      });
      const applied = await applyPlan(trx, this.dialect, actor, importId, plan, open, context, now);
      const pendingRows = plan.unplaced.map((row) => ({
        external_ref: row.externalRef,
        import_id: importId,
        address_key: addressKey(row),
        report: JSON.stringify(row),
        created_at: now,
      }));
      for (const part of chunks(pendingRows)) {
        await v.insertInto('vroeg_pending').values(part).execute();
        await v
          .insertInto('vroeg_refs')
          .values(
            part.map((p) => ({
              external_ref: p.external_ref,
              import_id: importId,
              signal_id: null,
              state: 'pending',
            })),
          )
          .execute();
      }
      const rejectedRows = new Set(plan.rejected.map((r) => r.line)).size;
      await v
        .insertInto('vroeg_imports')
        .values({
          id: importId,
          at: now,
          user_id: actor.user.id,
          role: actor.user.role,
          format: file.format,
          row_count: file.fileRows,
          created: applied.created,
          merged: applied.merged,
          unchanged: plan.unchanged.length,
          rejected: rejectedRows,
          unplaced: plan.unplaced.length,
        })
        .execute();
      // The import itself in the audit log: who and when; its counts are in vroeg_imports.
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          user_id: actor.user.id,
          role: actor.user.role,
          device_id: actor.deviceId,
          entity_type: 'vroegImport',
          entity_id: importId,
          action: 'import',
        })
        .execute();
      const waiting = plan.unplaced.length > 0 ? await this.pendingIn(v, plan.unplaced) : [];
      return {
        importId,
        format: file.format,
        rows: file.fileRows,
        created: applied.created,
        merged: applied.merged,
        unchanged: plan.unchanged.length,
        unplaced: plan.unplaced.length,
        rejectedRows,
        withoutTeam: applied.withoutTeam,
        createdByCreditor: countByCreditor(plan),
        rejected: plan.rejected,
        unplacedAddresses: waiting,
        ignoredColumns: [...file.ignoredColumns],
      } satisfies ImportReport;
    });
  }

  /** The waiting reports at the addresses of these rows (earlier imports' included). */
  private async pendingIn(v: VDb, rows: readonly ImportRow[]): Promise<UnplacedAddress[]> {
    const found: Selectable<VroegTables['vroeg_pending']>[] = [];
    for (const part of chunks([...new Set(rows.map(addressKey))])) {
      found.push(
        ...(await v
          .selectFrom('vroeg_pending')
          .selectAll()
          .where('address_key', 'in', part)
          .execute()),
      );
    }
    return unplacedOf(found);
  }

  eraseExpired(cutoff: string, now: string): Promise<ImportRowsErased> {
    return eraseExpiredImportRows(this.db, this.dialect, cutoff, now);
  }

  createCampaign(
    actor: Actor,
    campaign: ValidCampaign,
    context: VroegContext,
    now: string,
  ): Promise<CreateCampaignResponse> {
    return this.db
      .transaction()
      .execute((trx) => createCampaign(trx, this.dialect, actor, campaign, context, now));
  }

  listCampaigns(): Promise<CampaignSummary[]> {
    return listCampaigns(this.db);
  }

  async listUnplaced(): Promise<UnplacedAddress[]> {
    const v = this.db.withTables<VroegTables>();
    return unplacedOf(
      await v.selectFrom('vroeg_pending').select(['address_key', 'report', 'created_at']).execute(),
    );
  }

  async place(
    actor: Actor,
    request: { addressKey: string; wijk: string; wholePostcode: boolean },
    context: VroegContext,
    now: string,
  ): Promise<PlaceResponse | null> {
    return this.db.transaction().execute(async (trx) => {
      await lockImports(trx, this.dialect);
      const v = trx.withTables<VroegTables>();
      const first = await v
        .selectFrom('vroeg_pending')
        .selectAll()
        .where('address_key', '=', request.addressKey)
        .executeTakeFirst();
      if (!first) return null;
      const postcode = importRowSchema.parse(JSON.parse(first.report)).postcode;
      const placementKey = request.wholePostcode ? postcodeKey(postcode) : request.addressKey;
      await v
        .insertInto('vroeg_placements')
        .values({
          address_key: placementKey,
          wijk: request.wijk,
          source: 'handmatig',
          placed_by: actor.user.id,
          placed_at: now,
        })
        .onConflict((oc) =>
          oc.column('address_key').doUpdateSet({
            wijk: request.wijk,
            source: 'handmatig',
            placed_by: actor.user.id,
            placed_at: now,
          }),
        )
        .execute();
      // Every report waiting at the placed address, or at any address with that postcode.
      let query = v.selectFrom('vroeg_pending').selectAll();
      query = request.wholePostcode
        ? query.where('address_key', 'like', `${postcode}|%`)
        : query.where('address_key', '=', request.addressKey);
      const waiting = await query.execute();
      const rows = waiting
        .map((p) => importRowSchema.parse(JSON.parse(p.report)))
        .sort((a, b) => a.line - b.line);
      const own = new Set(rows.map((r) => r.externalRef));
      const { knownRefs, open, placements } = await readContext(v, rows, own);
      const plan = planRows(rows, [], {
        today: context.today,
        knownRefs,
        openSignals: new Map([...open].map(([k, o]) => [k, o.signal])),
        wijkOf: wijkFinder(placements, context.wijken),
      });
      const placeId = `vp-${crypto.randomUUID()}`;
      const applied = await applyPlan(trx, this.dialect, actor, placeId, plan, open, context, now);
      // Reports of one placed address that are still unplaced (cannot happen: the placement
      // covers them) stay waiting; the ones taken up leave the list.
      const taken = [...plan.create.flatMap((c) => c.refs), ...plan.merge.flatMap((m) => m.refs)];
      for (const part of chunks(taken))
        await v.deleteFrom('vroeg_pending').where('external_ref', 'in', part).execute();
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          user_id: actor.user.id,
          role: actor.user.role,
          device_id: actor.deviceId,
          entity_type: 'vroegImport',
          entity_id: placeId,
          action: 'place',
        })
        .execute();
      return {
        created: applied.created,
        merged: applied.merged,
        placedAddresses: new Set(waiting.map((w) => w.address_key)).size,
      };
    });
  }
}

/** On the record store's connection (`storage.db`): the same database and transactions. */
export function openVroegStore(dialect: Dialect, db: Kysely<Database>): VroegStore {
  return new KyselyVroegStore(dialect, db);
}

export type { CreditorType };
