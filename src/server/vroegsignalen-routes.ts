import type { Context } from 'hono';
import type { SignalTeam } from '../domain/signals/handover';
import { DEFAULT_TEAMS } from '../domain/signals/handover';
import type { ErrorReason } from '../domain/sync/protocol';
import { canImportVroegsignalen } from '../domain/sync/scope';
import { parseImportFile } from '../domain/vroegsignalen/import-file';
import { missingColumns, validateRows } from '../domain/vroegsignalen/import-plan';
import { columnOf } from '../domain/vroegsignalen/import-row';
import { placeRequestSchema } from '../domain/vroegsignalen/import-report';
import { validateCampaign } from '../domain/vroegsignalen/campaign';
import type { KnownValues } from '../domain/sync/field-check';
import { log } from './log';
import type { Actor, SyncStorage } from './storage/sync-storage';
import type { VroegContext, VroegStore } from './storage/vroeg-store';

/** The largest file accepted: 100,000 reports of about 150 bytes, with room to spare. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Rows per file; a larger delivery is split (the limit keeps one transaction bounded). */
export const IMPORT_MAX_ROWS = 100_000;
/** A campaign's request: its address list (CAMPAIGN_TEXT_MAX characters) as JSON, with room. */
export const CAMPAIGN_MAX_BYTES = 2 * 1024 * 1024;

type Fail = (
  c: Context,
  status: 400 | 403 | 404 | 413,
  error: ErrorReason,
  message: string,
  details?: string[],
) => Response;

export interface VroegRouteDeps {
  store: VroegStore;
  storage: SyncStorage;
  fail: Fail;
  knownValues: () => Promise<KnownValues>;
  now: () => Date;
}

/**
 * The teams by wijk: the configured ones, and every wijkteam member's team with her wijken (so
 * a team the beheerder set up in the accounts receives its wijk's signals too).
 */
async function teamsByWijk(storage: SyncStorage): Promise<SignalTeam[]> {
  const teams = new Map<string, SignalTeam>(DEFAULT_TEAMS.map((t) => [t.id, { ...t }]));
  for (const u of await storage.listUsers()) {
    if (u.role !== 'wijkteam' || !u.teamId || u.disabled) continue;
    const known = teams.get(u.teamId);
    if (known) {
      teams.set(u.teamId, { ...known, wijken: [...new Set([...known.wijken, ...u.wijken])] });
    } else {
      teams.set(u.teamId, {
        id: u.teamId,
        name: u.teamId,
        organisationId: 'sociaal-wijkteam',
        wijken: [...u.wijken],
      });
    }
  }
  return [...teams.values()];
}

export interface VroegHandlers {
  importFile(c: Context, actor: Actor): Promise<Response>;
  unplaced(c: Context, actor: Actor): Promise<Response>;
  place(c: Context, actor: Actor): Promise<Response>;
  createCampaign(c: Context, actor: Actor): Promise<Response>;
  listCampaigns(c: Context, actor: Actor): Promise<Response>;
}

/**
 * `POST /api/vroegsignalen/import` (the file as the body, CSV or JSON, UTF-8),
 * `GET /api/vroegsignalen/unplaced` and `POST /api/vroegsignalen/place`: coordinator and
 * beheerder (app.ts mounts them behind the session check and the size limits). Logs hold
 * counts only.
 */
export function vroegHandlers(deps: VroegRouteDeps): VroegHandlers {
  const { store, storage, fail, knownValues, now } = deps;
  const context = async (): Promise<VroegContext> => ({
    wijken: (await knownValues()).wijken,
    teams: await teamsByWijk(storage),
    today: now().toISOString().slice(0, 10),
  });
  const forbidden = (c: Context) =>
    fail(c, 403, 'forbidden', 'Only a coordinator or beheerder imports vroegsignalen.');

  async function importFile(c: Context, actor: Actor): Promise<Response> {
    if (!canImportVroegsignalen(actor.user)) return forbidden(c);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    } catch {
      return fail(c, 400, 'badRequest', 'The file is not UTF-8 text; nothing was imported.', [
        'notUtf8',
      ]);
    }
    const file = parseImportFile(text);
    if (!file.ok)
      return fail(c, 400, 'badRequest', 'The file cannot be read; nothing was imported.', [
        file.line === undefined ? file.problem : `${file.problem}:${file.line}`,
      ]);
    if (file.rows.length > IMPORT_MAX_ROWS)
      return fail(c, 413, 'payloadTooLarge', 'The file has too many rows; nothing was imported.', [
        'tooManyRows',
      ]);
    const missing = missingColumns(file);
    if (missing.length > 0)
      return fail(c, 400, 'badRequest', 'Columns are missing; nothing was imported.', [
        'missingColumns',
        ...missing,
      ]);
    const ctx = await context();
    const { rows, rejected } = validateRows(file, ctx.today);
    const report = await store.importReports(
      actor,
      {
        format: file.format,
        fileRows: file.rows.length,
        rows,
        rejected,
        ignoredColumns: file.columns.filter((h) => h.trim() !== '' && columnOf(h) === null),
      },
      ctx,
      now().toISOString(),
    );
    log.info('vroegsignalen.import', {
      rows: report.rows,
      created: report.created,
      merged: report.merged,
      unchanged: report.unchanged,
      unplaced: report.unplaced,
      rejected: report.rejectedRows,
    });
    return c.json(report);
  }

  async function unplaced(c: Context, actor: Actor): Promise<Response> {
    if (!canImportVroegsignalen(actor.user)) return forbidden(c);
    const addresses = await store.listUnplaced();
    log.info('vroegsignalen.unplaced.read', { addresses: addresses.length });
    return c.json({ addresses });
  }

  async function place(c: Context, actor: Actor): Promise<Response> {
    if (!canImportVroegsignalen(actor.user)) return forbidden(c);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return fail(c, 400, 'badRequest', 'The body is not JSON.');
    }
    const parsed = placeRequestSchema.safeParse(body);
    if (!parsed.success) return fail(c, 400, 'badRequest', 'The placement is not valid.');
    const ctx = await context();
    if (!ctx.wijken.has(parsed.data.wijk))
      return fail(c, 400, 'badRequest', 'This wijk is not in the catalogue.', ['wijkUnknown']);
    const result = await store.place(
      actor,
      {
        addressKey: parsed.data.addressKey,
        wijk: parsed.data.wijk,
        wholePostcode: parsed.data.wholePostcode ?? false,
      },
      ctx,
      now().toISOString(),
    );
    if (!result) return fail(c, 404, 'notFound', 'No report waits for this address.');
    log.info('vroegsignalen.place', { ...result });
    return c.json(result);
  }

  /**
   * `POST /api/campagnes`: a door-to-door campaign (name, wijk, period, address list). Taken
   * whole or refused with every problem (200 with `ok: false`, so the form shows them by line).
   */
  async function createCampaign(c: Context, actor: Actor): Promise<Response> {
    if (!canImportVroegsignalen(actor.user))
      return fail(c, 403, 'forbidden', 'Only a coordinator or beheerder makes a campaign.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return fail(c, 400, 'badRequest', 'The body is not JSON.');
    }
    const ctx = await context();
    const checked = validateCampaign(body, { wijken: ctx.wijken, today: ctx.today });
    if (!checked.ok) return c.json({ ok: false, problems: checked.problems });
    const result = await store.createCampaign(actor, checked.value, ctx, now().toISOString());
    log.info('campaign.create', {
      ok: result.ok,
      addresses: result.ok ? result.campaign.addresses : 0,
    });
    return c.json(result);
  }

  /** `GET /api/campagnes`: every campaign with its published counts (coordinator, beheerder). */
  async function listCampaigns(c: Context, actor: Actor): Promise<Response> {
    if (!canImportVroegsignalen(actor.user))
      return fail(c, 403, 'forbidden', 'Only a coordinator or beheerder reads campaigns.');
    const campaigns = await store.listCampaigns();
    log.info('campaign.list', { campaigns: campaigns.length });
    return c.json({ campaigns });
  }

  return { importFile, unplaced, place, createCampaign, listCampaigns };
}
