import { existsSync, readFileSync } from 'node:fs';
import type { Role } from '../domain/sync/roles';
import type { Mutation } from '../domain/sync/protocol';
import { RECORD_SCHEMA_VERSION } from '../domain/records/record-schema';
import type { SignalCategoryId } from '../domain/signals/categories';
import { signalDataSchema } from '../domain/signals/signal-schema';
import { hashPassword } from './auth/passwords';
import { newSecret } from './auth/tokens';
import { checkCatalogue } from './catalogue';
import { log } from './log';
import type { NewUser, SyncStorage } from './storage/sync-storage';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  name: string;
}

interface DemoUser extends Omit<NewUser, 'passwordHash'> {
  password: string;
}

/** Synthetic accounts for every role; the names are invented and belong to no one. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'demo-vrijwilliger',
    email: 'vrijwilliger@demo.dichtbij',
    password: 'demo-vrijwilliger-2026',
    name: 'Vera Vrijwilliger (demo)',
    role: 'vrijwilliger',
    teamId: 'team-geldpraatje',
    organisationId: 'org-geldpraatje',
    wijken: ['wielwijk', 'crabbehof'],
  },
  {
    id: 'demo-vrijwilliger-2',
    email: 'vrijwilliger2@demo.dichtbij',
    password: 'demo-vrijwilliger2-2026',
    name: 'Vincent Vrijwilliger (demo)',
    role: 'vrijwilliger',
    teamId: 'team-geldpraatje',
    organisationId: 'org-geldpraatje',
    wijken: ['wielwijk'],
  },
  {
    id: 'demo-wijkteam',
    email: 'wijkteam@demo.dichtbij',
    password: 'demo-wijkteam-2026',
    name: 'Wim Wijkteam (demo)',
    role: 'wijkteam',
    teamId: 'team-wijkteam-west',
    organisationId: 'org-sociaal-wijkteam',
    wijken: ['wielwijk', 'crabbehof'],
  },
  {
    id: 'demo-wijkteam-2',
    email: 'wijkteam2@demo.dichtbij',
    password: 'demo-wijkteam2-2026',
    name: 'Wendy Wijkteam (demo)',
    role: 'wijkteam',
    teamId: 'team-wijkteam-west',
    organisationId: 'org-sociaal-wijkteam',
    wijken: ['wielwijk', 'crabbehof'],
  },
  {
    id: 'demo-toekomstmakelaar',
    email: 'toekomstmakelaar@demo.dichtbij',
    password: 'demo-toekomstmakelaar-2026',
    name: 'Tara Toekomstmakelaar (demo)',
    role: 'toekomstmakelaar',
    teamId: 'team-toekomstmakelaars',
    organisationId: 'org-gemeente',
    wijken: ['wielwijk', 'crabbehof', 'krispijn'],
  },
  {
    id: 'demo-coordinator',
    email: 'coordinator@demo.dichtbij',
    password: 'demo-coordinator-2026',
    name: 'Cor Coördinator (demo)',
    role: 'coordinator',
    teamId: null,
    organisationId: 'org-gemeente',
    wijken: [],
  },
  {
    id: 'demo-beheerder',
    email: 'beheerder@demo.dichtbij',
    password: 'demo-beheerder-2026',
    name: 'Bea Beheerder (demo)',
    role: 'beheerder',
    teamId: null,
    organisationId: 'org-gemeente',
    wijken: [],
  },
];

export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map(({ email, password, role, name }) => ({ email, password, role, name }));
}

/** Hashes are slow on purpose; tests that create many servers reuse them within one process. */
const hashCache = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hash = hashCache.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashCache.set(password, hash);
  }
  return hash;
}

/** Creates the demo users unless their e-mail addresses exist; safe to run on every start. */
export async function seedDemoUsers(storage: SyncStorage, now = new Date()): Promise<number> {
  let created = 0;
  for (const { password, ...user } of DEMO_USERS) {
    const passwordHash = await cachedHash(password);
    if (await storage.createUser({ ...user, passwordHash }, now.toISOString())) created += 1;
  }
  if (created > 0) log.info('seed.users', { created });
  return created;
}

/** The signing secret: from the environment, or made once and kept in the database for all instances. */
export async function jwtSecretFor(
  storage: SyncStorage,
  fromEnv: string | undefined,
): Promise<Uint8Array> {
  const secret =
    fromEnv && fromEnv.length >= 32
      ? fromEnv
      : await storage.settingOrInit('jwtSecret', newSecret());
  return new TextEncoder().encode(secret);
}

/** Publishes dist/catalogue.json as the first catalogue version when the server has none or an older one. */
export async function seedCatalogue(
  storage: SyncStorage,
  file: string,
): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  const checked = checkCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok) {
    log.warn('seed.catalogue.invalid', { errors: checked.errors.length });
    return undefined;
  }
  const current = await storage.currentCatalogue();
  if (current?.version === checked.catalogue.version) return current.version;
  if (current) return current.version; // A beheerder's published version wins over the built one.
  await storage.publishCatalogue(
    checked.catalogue.version,
    JSON.stringify(checked.catalogue),
    'build',
    new Date().toISOString(),
  );
  log.info('seed.catalogue');
  return checked.catalogue.version;
}

const DEMO_CATEGORIES: readonly SignalCategoryId[] = [
  'achterstand-energie',
  'achterstand-huur',
  'achterstand-zorgverzekering',
  'geldzorgen-schulden',
  'eenzaamheid',
  'werk-inkomen',
];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Synthetic signals so a demo shows something: invented households ("Huishouden A (fictief)"),
 * no real names or addresses. Each is a valid signal (src/domain/signals/signal-schema.ts),
 * written through the normal push path, so it obeys scope like any write.
 */
export async function seedDemoRecords(storage: SyncStorage, now = new Date()): Promise<number> {
  if ((await storage.countRecords()) > 0) return 0;
  const authors = DEMO_USERS.filter(
    (u) => u.role === 'vrijwilliger' || u.role === 'wijkteam' || u.role === 'toekomstmakelaar',
  );
  let total = 0;
  for (const [i, author] of authors.entries()) {
    const deviceId = `seed-device-${author.id}`;
    const mutations: Mutation[] = [];
    let seq = 0;
    for (let n = 0; n < 6; n += 1) {
      const letter = String.fromCharCode(65 + ((i * 6 + n) % 26));
      const id = `demo-${author.id}-${n}`;
      const createdAt = new Date(now.getTime() - (n + 1) * 86_400_000).toISOString();
      // Some are due already, so the overdue list has something to show.
      const due = new Date(now.getTime() + (n - 2) * 3 * 86_400_000);
      const data = signalDataSchema.parse({
        category: DEMO_CATEGORIES[(i + n) % DEMO_CATEGORIES.length],
        urgency: n % 3 === 0 ? 'hoog' : 'normaal',
        consent: 'gegeven',
        residentName: `Huishouden ${letter} (fictief)`,
        contactWay: 'via-vindplaats',
        contactValue: 'Buurthuis (fictief)',
        dueAt: isoDate(due),
      });
      const base = {
        entityType: 'signal' as const,
        entityId: id,
        baseVersion: 0,
        schemaVersion: RECORD_SCHEMA_VERSION,
        createdAt,
      };
      mutations.push({
        ...base,
        mutationId: `seed-${id}`,
        seq: ++seq,
        op: 'put',
        payload: {
          wijk: author.wijken[n % Math.max(1, author.wijken.length)] ?? null,
          status: 'nieuw',
          assignedToUser:
            author.role === 'vrijwilliger' && n === 4 ? 'demo-toekomstmakelaar' : null,
          data,
        },
      });
      if (n % 2 === 1) {
        mutations.push({
          ...base,
          mutationId: `seed-${id}-opgepakt`,
          seq: ++seq,
          op: 'event',
          payload: {
            kind: 'status',
            status: 'opgepakt',
            body: {
              from: 'nieuw',
              to: 'opgepakt',
              authorRole: author.role,
              authorTeamId: author.teamId,
            },
          },
        });
      }
    }
    const response = await storage.push(
      { user: { ...author }, deviceId },
      mutations,
      now.toISOString(),
    );
    total += response.results.filter((r) => r.status === 'applied').length;
  }
  log.info('seed.records', { created: total });
  return total;
}
