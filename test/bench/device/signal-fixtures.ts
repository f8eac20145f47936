import type { StoredRecord } from '../../../src/data/db';
import type { SignalListQuery } from '../../../src/data/repositories/signal-list';
import { SIGNAL_CATEGORY_IDS } from '../../../src/domain/signals/categories';
import { SIGNAL_STATUSES } from '../../../src/domain/signals/lifecycle';
import { URGENCIES, addDays } from '../../../src/domain/signals/signal-schema';

/** Synthetic signals for the device benches: pseudonyms "Bewoner 123", no real names or numbers. */
export const WIJKEN = ['wielwijk', 'crabbehof', 'oud-krispijn', 'nieuw-krispijn', 'sterrenburg'];
export const WORKERS = [
  'demo-vrijwilliger',
  'demo-wijkteam',
  'demo-wijkteam-2',
  'worker-4',
  'worker-5',
];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)]!;
}

/** One signal as the list stores it, data still in the clear. */
export function syntheticSignal(i: number, today: string, random: () => number): StoredRecord {
  const category = pick(SIGNAL_CATEGORY_IDS, random());
  const urgency = pick(URGENCIES, random());
  const dueAt = addDays(today, Math.floor(random() * 40) - 20);
  const createdAt = new Date(Date.parse(`${today}T09:00:00Z`) - i * 60_000).toISOString();
  const record: StoredRecord = {
    id: `sig-${String(i).padStart(6, '0')}`,
    entityType: 'signal',
    version: i + 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: pick(WORKERS, random()),
    wijk: pick(WIJKEN, random()),
    status: pick(SIGNAL_STATUSES, random()),
    category,
    urgency,
    dueAt,
    data: {
      category,
      urgency,
      consent: 'gegeven',
      residentName: `Bewoner ${i} (fictief)`,
      contactWay: 'via-vindplaats',
      contactValue: 'Geldpraatje-plek (fictief)',
      dueAt,
    },
  };
  if (random() < 0.3) record.assignedToTeam = 'team-wijkteam-west';
  if (random() < 0.2) record.assignedToUser = pick(WORKERS, random());
  return record;
}

/** The list filters a worker uses, in a fixed pseudo-random mix. */
export function listQueries(): SignalListQuery[] {
  const random = rng(7);
  const out: SignalListQuery[] = [];
  const scopes = ['mine', 'team', 'all'] as const;
  const statusGroups = [
    undefined,
    ['nieuw'],
    ['nieuw', 'opgepakt', 'contact-gelegd', 'doorverwezen'],
    ['afgerond'],
  ] as const;
  for (let i = 0; i < 60; i++) {
    const q: SignalListQuery = { scope: pick(scopes, random()), limit: 50 };
    const statuses = pick(statusGroups, random());
    if (statuses) q.statuses = [...statuses];
    if (random() < 0.4) q.category = pick(SIGNAL_CATEGORY_IDS, random());
    if (random() < 0.4) q.urgency = pick(URGENCIES, random());
    if (random() < 0.4) q.wijk = pick(WIJKEN, random());
    if (random() < 0.3) q.overdue = true;
    if (random() < 0.2) q.offset = 50;
    out.push(q);
  }
  return out;
}
