import type { Kysely } from 'kysely';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { SignalEvent } from '../../domain/signals/signal-events';
import { toSignalEvent } from '../../domain/signals/signal-events';
import { reduceSignal } from '../../domain/signals/signal-state';
import { addressKey } from '../../domain/vroegsignalen/address';
import type { CampaignProblem, ValidCampaign } from '../../domain/vroegsignalen/campaign';
import { CAMPAIGN_ERRORS_NL, campaignSignalData } from '../../domain/vroegsignalen/campaign';
import { countCampaign, publishCampaign } from '../../domain/vroegsignalen/campaign-outcome';
import type {
  CampaignSummary,
  CreateCampaignResponse,
} from '../../domain/vroegsignalen/campaign-report';
import { teamForWijk } from '../../domain/vroegsignalen/signal-from-report';
import { writeBatch } from './batch-write';
import type { Database } from './database';
import type { Dialect } from './migrations';
import type { Trx } from './rows';
import type { Actor } from './sync-storage';
import type { CampaignsTable, VroegTables } from './vroeg-tables';
import { WorkingSet } from './working-set';
import { chunks, postcodeKey, putServerSignal } from './vroeg-write';
import type { VroegContext } from './vroeg-store';

/**
 * Door-to-door campaigns on the server: a campaign's addresses are written as signal records
 * through the push's batch writer (versions, change log, audit), so the wijk's team pulls them
 * like any signal; the overview is counted from those records and their events and published
 * through small-cell suppression. Coordinators never receive a record, only these counts.
 */

/** Where campaign addresses come from in the record's owner column: no person's list. */
export const CAMPAIGN_OWNER = 'campagne';

type VDb = Kysely<Database & VroegTables>;

/** An address placed (by a person, for the import) in another wijk than the campaign's. */
async function otherWijkProblems(
  v: VDb,
  campaign: ValidCampaign,
  wijken: ReadonlySet<string>,
): Promise<CampaignProblem[]> {
  const placements = new Map<string, string>();
  const keys = [
    ...new Set(campaign.addresses.flatMap((a) => [addressKey(a), postcodeKey(a.postcode)])),
  ];
  for (const part of chunks(keys)) {
    const found = await v
      .selectFrom('vroeg_placements')
      .select(['address_key', 'wijk'])
      .where('address_key', 'in', part)
      .execute();
    for (const f of found) placements.set(f.address_key, f.wijk);
  }
  const problems: CampaignProblem[] = [];
  for (const a of campaign.addresses) {
    const wijk = placements.get(addressKey(a)) ?? placements.get(postcodeKey(a.postcode));
    if (wijk !== undefined && wijken.has(wijk) && wijk !== campaign.wijk)
      problems.push({
        field: 'addresses',
        code: 'otherWijk',
        message: `Regel ${a.line}: ${CAMPAIGN_ERRORS_NL.otherWijk}`,
        line: a.line,
      });
  }
  return problems;
}

/** One transaction: the campaign and every address, or nothing. */
export async function createCampaign(
  trx: Trx,
  dialect: Dialect,
  actor: Actor,
  campaign: ValidCampaign,
  context: VroegContext,
  now: string,
): Promise<CreateCampaignResponse> {
  const v = trx.withTables<VroegTables>();
  const problems = await otherWijkProblems(v, campaign, context.wijken);
  if (problems.length > 0) return { ok: false, problems };
  const id = `camp-${crypto.randomUUID()}`;
  const team = teamForWijk(campaign.wijk, context.teams);
  const ws = new WorkingSet();
  const audit: NewAuditEntry[] = [];
  const who = { at: now, userId: actor.user.id, role: actor.user.role, deviceId: actor.deviceId };
  const links: { signal_id: string; campaign_id: string }[] = [];
  for (const address of campaign.addresses) {
    const signalId = `cs-${crypto.randomUUID()}`;
    const data = campaignSignalData(address, { id, name: campaign.name, endsOn: campaign.endsOn });
    putServerSignal(ws, {
      id: signalId,
      owner: CAMPAIGN_OWNER,
      team,
      wijk: campaign.wijk,
      deviceId: actor.deviceId,
      now,
      data,
    });
    audit.push({ ...who, entityType: 'signal', entityId: signalId, action: 'create' });
    links.push({ signal_id: signalId, campaign_id: id });
  }
  audit.push({ ...who, entityType: 'campaign', entityId: id, action: 'create' });
  const written = [...ws.written].flatMap((key) => {
    const row = ws.rows.get(key);
    return row ? [row] : [];
  });
  // Campaign addresses are not counted in the signal figures (rollup.ts), so no rollup update.
  await writeBatch(trx, dialect, {
    allocated: ws.allocated,
    device: null,
    audit,
    records: written,
    events: [],
    moves: [],
    mutations: [],
    conflicts: [],
  });
  const row: CampaignsTable = {
    id,
    name: campaign.name,
    wijk: campaign.wijk,
    starts_on: campaign.startsOn,
    ends_on: campaign.endsOn,
    created_by: actor.user.id,
    created_at: now,
    address_count: campaign.addresses.length,
  };
  await v.insertInto('campaigns').values(row).execute();
  for (const part of chunks(links)) await v.insertInto('campaign_addresses').values(part).execute();
  const [summary] = await summaries(v, [row]);
  if (!summary) throw new Error('campaign not written');
  return { ok: true, campaign: summary, withoutTeam: team === null };
}

/** Every campaign, newest first, with its published counts. */
export async function listCampaigns(db: Kysely<Database>): Promise<CampaignSummary[]> {
  const v = db.withTables<VroegTables>();
  const rows = await v.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').execute();
  return summaries(v, rows);
}

async function summaries(v: VDb, campaigns: readonly CampaignsTable[]): Promise<CampaignSummary[]> {
  const out: CampaignSummary[] = [];
  for (const campaign of campaigns) {
    const ids = (
      await v
        .selectFrom('campaign_addresses')
        .select('signal_id')
        .where('campaign_id', '=', campaign.id)
        .execute()
    ).map((r) => r.signal_id);
    const starts = new Map<string, { createdAt: string; createdBy: string }>();
    const events = new Map<string, SignalEvent[]>();
    for (const part of chunks(ids)) {
      const records = await v
        .selectFrom('records')
        .select(['id', 'created_at', 'owner_id'])
        .where('entity_type', '=', 'signal')
        .where('id', 'in', part)
        .where('deleted', '=', 0)
        .execute();
      for (const r of records) starts.set(r.id, { createdAt: r.created_at, createdBy: r.owner_id });
      const found = await v
        .selectFrom('events')
        .select(['id', 'entity_id', 'kind', 'status', 'body', 'created_at', 'created_by'])
        .where('entity_type', '=', 'signal')
        .where('entity_id', 'in', part)
        .execute();
      for (const e of found) {
        const event = toSignalEvent({
          id: e.id,
          kind: e.kind,
          status: e.status,
          body: e.body === null ? {} : (JSON.parse(e.body) as unknown),
          createdAt: e.created_at,
          createdBy: e.created_by,
        });
        if (!event) continue;
        const list = events.get(e.entity_id);
        if (list) list.push(event);
        else events.set(e.entity_id, [event]);
      }
    }
    const states = [...starts].map(([id, start]) => reduceSignal(start, events.get(id) ?? []));
    const published = publishCampaign(countCampaign(states));
    out.push({
      id: campaign.id,
      name: campaign.name,
      wijk: campaign.wijk,
      startsOn: campaign.starts_on,
      endsOn: campaign.ends_on,
      createdAt: campaign.created_at,
      // Addresses erased since (retention) no longer count; the list's own length otherwise.
      addresses: published.addresses,
      cells: published.cells,
    });
  }
  return out;
}
