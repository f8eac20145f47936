import { z } from 'zod';
import organisationsJson from '../domain/catalogue/data/organisations.json';
import wijkenJson from '../domain/catalogue/data/wijken.json';
import { DEFAULT_TEAMS } from '../domain/signals/handover';
import type { KnownValues } from '../domain/sync/field-check';
import type { SyncStorage } from './storage/sync-storage';

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
 * Loads the values pushes are checked against. The catalogue's ids are kept per version, so a
 * push parses the (large) catalogue only after a new one is published; accounts change more
 * often and are read each time.
 */
export function knownValuesLoader(storage: SyncStorage): () => Promise<KnownValues> {
  let cached: CatalogueIds | undefined;
  return async () => {
    // Only the version on each push (the body is hundreds of KB); the body when it changed.
    const [version, users] = await Promise.all([
      storage.currentCatalogueVersion(),
      storage.listUsers(),
    ]);
    let ids = cached;
    if (!ids || ids.version !== version) {
      const current = await storage.currentCatalogue();
      ids = current ? fromBody(current.version, current.body) : shipped();
      cached = ids;
    }
    const teams = new Set(DEFAULT_TEAMS.map((t) => t.id));
    for (const u of users) if (u.teamId) teams.add(u.teamId);
    return {
      wijken: ids.wijken,
      organisations: ids.organisations,
      teams,
      users: new Set(users.map((u) => u.id)),
      accounts: new Map(users.map((u) => [u.id, { role: u.role, teamId: u.teamId }])),
    };
  };
}
