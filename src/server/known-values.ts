import { z } from 'zod';
import organisationsJson from '../domain/catalogue/data/organisations.json';
import wijkenJson from '../domain/catalogue/data/wijken.json';
import { DEFAULT_TEAMS } from '../domain/signals/handover';
import type { KnownValues } from '../domain/sync/field-check';
import type { KnownStamps, SyncStorage, UserRecord } from './storage/sync-storage';

const idsOf = z.array(z.object({ id: z.string() }).loose());
const catalogueIds = z.object({ wijken: idsOf, organisations: idsOf }).loose();

interface CatalogueIds {
  version: string | null;
  wijken: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
}

/** The catalogue this build ships: what a device knows until a beheerder publishes another one. */
function shipped(): CatalogueIds {
  return {
    version: null,
    wijken: new Set(idsOf.parse(wijkenJson).map((w) => w.id)),
    organisations: new Set(idsOf.parse(organisationsJson).map((o) => o.id)),
  };
}

function fromBody(version: string, body: string): CatalogueIds {
  const parsed = catalogueIds.parse(JSON.parse(body));
  return {
    version,
    wijken: new Set(parsed.wijken.map((w) => w.id)),
    organisations: new Set(parsed.organisations.map((o) => o.id)),
  };
}

/**
 * Loads the values pushes are checked against. One small read per push: the catalogue's
 * version and the accounts' stamp. The catalogue's ids are kept per version (the body is
 * hundreds of KB) and the accounts per stamp, so each is read again only after it changed.
 * The stamp is read before the accounts, so a list is never older than the stamp it is kept
 * under; a change in between only makes the next push read the list once more.
 *
 * `read`: the stamps the auth guard read with the request's device (one statement fewer per
 * push); without them they are read here.
 */
export function knownValuesLoader(
  storage: SyncStorage,
): (read?: KnownStamps) => Promise<KnownValues> {
  let catalogue: CatalogueIds | undefined;
  let accounts: { stamp: number; values: AccountValues } | undefined;
  return async (read) => {
    const stamps = read ?? (await storage.knownStamps());
    if (!catalogue || catalogue.version !== stamps.catalogueVersion) {
      const current = await storage.currentCatalogue();
      catalogue = current ? fromBody(current.version, current.body) : shipped();
    }
    let values = accounts?.stamp === stamps.directory ? accounts.values : undefined;
    if (!values) {
      values = accountValues(await storage.listUsers());
      // Without a stamp (a store not migrated yet) nothing is kept: read each time, as before.
      accounts = stamps.directory === null ? undefined : { stamp: stamps.directory, values };
    }
    return { wijken: catalogue.wijken, organisations: catalogue.organisations, ...values };
  };
}

type AccountValues = Pick<KnownValues, 'teams' | 'users' | 'accounts'>;

function accountValues(users: readonly UserRecord[]): Required<AccountValues> {
  const teams = new Set(DEFAULT_TEAMS.map((t) => t.id));
  for (const u of users) if (u.teamId) teams.add(u.teamId);
  return {
    teams,
    users: new Set(users.map((u) => u.id)),
    accounts: new Map(users.map((u) => [u.id, { role: u.role, teamId: u.teamId }])),
  };
}
