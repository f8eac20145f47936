import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../src/data/db';
import { wipePersonalData } from '../../../src/data/lock/wipe';
import {
  RulesVersionMismatchError,
  activeRulesVersion,
  installRulesVersion,
  installedRulesId,
  readRulesVersion,
} from '../../../src/data/rules/rules-store';
import { login } from '../../../src/data/sync/session';
import { runSync } from '../../../src/data/sync/sync-engine';
import { resetVault } from '../../../src/data/crypto/vault';
import {
  rulesVersionId,
  rulesVersionLabel,
  type PublishedRulesVersion,
  type RulesVersion,
} from '../../../src/domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../../src/domain/eligibility/shipped-rules';
import type { PublicUser } from '../../../src/domain/sync/roles';
import { withBijstandsnormen } from '../../fixtures/rules-versions';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { fakeServer, loginAnswer } from './sync/fixtures';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`rules-store-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

function published(version: RulesVersion, at = '2026-11-30T09:00:00.000Z'): PublishedRulesVersion {
  return {
    id: rulesVersionId(version),
    label: rulesVersionLabel(version),
    publishedAt: at,
    version,
  };
}

const raised = published(withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1420 }));
const raisedAgain = published(withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1430 }));

describe('norms and rules on the device', () => {
  it('uses the shipped bundle until a version is installed, then the installed one, and keeps older ones', async () => {
    expect((await activeRulesVersion(database)).id).toBe(shippedRulesVersion.id);
    await installRulesVersion(raised, database);
    expect((await activeRulesVersion(database)).id).toBe(raised.id);
    await installRulesVersion(raisedAgain, database);
    expect(await installedRulesId(database)).toBe(raisedAgain.id);
    // A check completed with the previous version can still be computed with it.
    expect((await readRulesVersion(raised.id, database))?.version).toEqual(raised.version);
    expect(await readRulesVersion(shippedRulesVersion.id, database)).toBe(shippedRulesVersion);
    expect(await readRulesVersion('never-seen', database)).toBeUndefined();
  });

  it('refuses a version whose content does not match its id, and keeps the one it had', async () => {
    await installRulesVersion(raised, database);
    await expect(
      installRulesVersion({ ...raisedAgain, id: raised.id.replace(/^./, 'f') }, database),
    ).rejects.toBeInstanceOf(RulesVersionMismatchError);
    expect((await activeRulesVersion(database)).id).toBe(raised.id);
  });

  it('falls back to the shipped bundle when the stored version is damaged', async () => {
    await installRulesVersion(raised, database);
    await database.meta.put({ key: `rules:version:${raised.id}`, value: { id: raised.id } });
    expect((await activeRulesVersion(database)).id).toBe(shippedRulesVersion.id);
  });

  it('keeps norms and rules through a wipe of personal data: they are not personal', async () => {
    await installRulesVersion(raised, database);
    await wipePersonalData(database);
    expect((await activeRulesVersion(database)).id).toBe(raised.id);
  });
});

describe('sync', () => {
  const user: PublicUser = {
    id: 'demo-vrijwilliger',
    email: 'vrijwilliger@demo.dichtbij',
    name: 'Vera',
    role: 'vrijwilliger',
    teamId: null,
    organisationId: null,
    wijken: ['wielwijk'],
  };
  const pull = (rulesVersion: string | null) => ({
    changes: [],
    cursor: 0,
    hasMore: false,
    reset: false,
    scopeVersion: 0,
    catalogueVersion: null,
    rulesVersion,
  });

  it('installs the version a pull names, fetching its body only when it is new', async () => {
    let serverVersion: PublishedRulesVersion | null = null;
    const { transport, calls } = fakeServer({
      '/api/auth/login': () => loginAnswer(user),
      '/api/sync/push': () => ({ lastSeq: 0, results: [] }),
      '/api/sync/pull': () => pull(serverVersion?.id ?? null),
      '/api/rules': () => ({ current: serverVersion }),
    });
    await login(user.email, 'pw', database, transport);
    const rulesCalls = () => calls.filter((c) => c.path === '/api/rules').length;

    expect((await runSync(database, { transport, catalogue: false })).rulesUpdated).toBe(false);
    expect(rulesCalls()).toBe(0);

    serverVersion = raised;
    expect((await runSync(database, { transport, catalogue: false })).rulesUpdated).toBe(true);
    expect((await activeRulesVersion(database)).id).toBe(raised.id);
    expect(rulesCalls()).toBe(1);

    expect((await runSync(database, { transport, catalogue: false })).rulesUpdated).toBe(false);
    expect(rulesCalls()).toBe(1);
  });
});
