import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nl from '../../../src/app/i18n/locales/nl.json';
import type { PlainRecord } from '../../../src/data/crypto/record-crypto';
import { openOutboxEntry } from '../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../src/data/crypto/vault';
import { DichtbijDb, useDb } from '../../../src/data/db';
import { writeRecords } from '../../../src/data/repositories/records';
import { applyPushResults } from '../../../src/data/sync/apply';
import { META_SESSION } from '../../../src/data/sync/session-store';
import type { PushResponse, RecordChange } from '../../../src/domain/sync/protocol';
import { ERROR_REASONS } from '../../../src/domain/sync/protocol';
import { unlockVaultFor } from '../helpers/unlocked-vault';
import { renderApp } from './render-app';

let database: DichtbijDb;
let n = 0;

beforeEach(async () => {
  database = new DichtbijDb(`differences-app-${n++}`);
  useDb(database);
  await unlockVaultFor(database);
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'demo-wijkteam',
        email: 'wijkteam@demo.dichtbij',
        name: 'Demo wijkteam',
        role: 'wijkteam',
        teamId: 'team-wijkteam-west',
        organisationId: null,
        wijken: ['wielwijk'],
      },
      deviceId: 'device-test-1',
      needsLogin: false,
    },
  });
});
afterEach(async () => {
  cleanup();
  resetVault();
  database.close();
  await database.delete();
});

const AT = '2026-11-23T10:00:00.000Z';
const DATA = {
  category: 'eenzaamheid',
  urgency: 'normaal',
  consent: 'gegeven',
  residentName: 'Mevrouw K (fictief)',
  contactWay: 'telefoon',
  contactValue: '0612345678',
  dueAt: '2026-12-01',
  note: 'van mij',
};

function signal(id: string, wijk: string, residentName: string): PlainRecord {
  return {
    id,
    entityType: 'signal',
    version: 0,
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'demo-wijkteam',
    wijk,
    status: 'nieuw',
    category: 'eenzaamheid',
    data: { ...DATA, residentName },
  };
}

function serverRecord(id: string, note: string): RecordChange {
  return {
    kind: 'record',
    entityType: 'signal',
    id,
    version: 7,
    deleted: false,
    ownerId: 'demo-wijkteam',
    teamId: 'team-wijkteam-west',
    wijk: 'wielwijk',
    status: 'nieuw',
    assignedToUser: null,
    assignedToTeam: null,
    createdAt: AT,
    updatedAt: AT,
    data: { ...DATA, note },
  };
}

/**
 * Stores one conflict (the note) and one refused new signal exactly as the sync client does
 * with the server's answers.
 */
async function storeConflictAndRefusal(): Promise<void> {
  await writeRecords(
    [
      { record: signal('sig-1', 'wielwijk', 'Mevrouw K (fictief)'), op: 'put', payload: DATA },
      {
        record: signal('sig-2', 'krispijn', 'Meneer L (fictief)'),
        op: 'put',
        payload: { ...DATA, residentName: 'Meneer L (fictief)' },
      },
    ],
    database,
  );
  const [first, second] = await database.outbox.orderBy('seq').toArray();
  const response: PushResponse = {
    lastSeq: 2,
    results: [
      {
        mutationId: first!.mutationId,
        seq: 1,
        status: 'conflict',
        duplicate: false,
        conflicts: [
          {
            id: `${first!.mutationId}:data.note`,
            entityType: 'signal',
            entityId: 'sig-1',
            field: 'data.note',
            serverValue: 'van collega',
            clientValue: 'van mij',
            mutationId: first!.mutationId,
            serverVersion: 7,
            createdAt: AT,
          },
        ],
        record: serverRecord('sig-1', 'van collega'),
      },
      {
        mutationId: second!.mutationId,
        seq: 2,
        status: 'rejected',
        duplicate: false,
        reason: 'forbidden',
        message: 'You may not create a record here.',
        record: null,
      },
    ],
  };
  await applyPushResults(database, [first!, second!], response, AT);
}

describe('Verschillen nakijken', () => {
  it('says so when there is nothing to review', async () => {
    renderApp('/account/verschillen');
    expect(await screen.findByRole('heading', { name: 'Verschillen nakijken' })).toBeVisible();
    expect(await screen.findByText('Er zijn geen verschillen.')).toBeInTheDocument();
  });

  it('links the counts on the account page to the page', async () => {
    await storeConflictAndRefusal();
    renderApp('/account');
    expect(await screen.findByRole('link', { name: '1 verschil nakijken' })).toHaveAttribute(
      'href',
      '/account/verschillen',
    );
    expect(screen.getByRole('link', { name: '1 geweigerde wijziging bekijken' })).toHaveAttribute(
      'href',
      '/account/verschillen',
    );
  });

  it("shows a conflict per record and writes the worker's value when she chooses it", async () => {
    const user = userEvent.setup();
    await storeConflictAndRefusal();
    renderApp('/account/verschillen');
    const group = await screen.findByRole('region', {
      name: 'Signaal: Eenzaamheid (Mevrouw K (fictief))',
    });
    expect(
      within(group).getByText('Een collega heeft dit veld ook veranderd. Welke waarde klopt?'),
    ).toBeInTheDocument();
    expect(within(group).getByRole('heading', { name: 'Gegeven: Notitie' })).toBeInTheDocument();
    expect(within(group).getByText('van collega')).toBeInTheDocument();
    expect(within(group).getByText('van mij')).toBeInTheDocument();
    expect(within(group).getByRole('link', { name: 'Open het signaal' })).toHaveAttribute(
      'href',
      '/signalen/sig-1',
    );

    await user.click(within(group).getByRole('button', { name: 'Mijn waarde gebruiken' }));
    expect(await screen.findByText(/Uw waarde is opgeslagen\./)).toBeInTheDocument();
    await waitFor(async () => expect(await database.conflicts.count()).toBe(0));
    const outbox = await database.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(await openOutboxEntry(outbox[0]!)).toMatchObject({
      op: 'patch',
      entityId: 'sig-1',
      baseVersion: 7,
      payload: { note: 'van mij' },
    });
  });

  it('keeps the server value without writing anything', async () => {
    const user = userEvent.setup();
    await storeConflictAndRefusal();
    renderApp('/account/verschillen');
    await user.click(await screen.findByRole('button', { name: 'Waarde van de server houden' }));
    expect(await screen.findByText('De waarde van de server blijft staan.')).toBeInTheDocument();
    expect(await database.conflicts.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('explains a refusal in plain words and discards it only after a second step', async () => {
    const user = userEvent.setup();
    await storeConflictAndRefusal();
    await database.conflicts.clear();
    renderApp('/account/verschillen');
    const group = await screen.findByRole('region', {
      name: 'Signaal: Eenzaamheid (Meneer L (fictief))',
    });
    expect(within(group).getByText('Dit staat niet (meer) op dit apparaat.')).toBeInTheDocument();
    expect(within(group).getByText(/U mag dit niet veranderen/)).toBeInTheDocument();
    expect(within(group).getByText(/krispijn/)).toBeInTheDocument();

    await user.click(within(group).getByRole('button', { name: 'Weggooien' }));
    expect(within(group).getByText(/Weet u het zeker\?/)).toBeInTheDocument();
    expect(await database.rejected.count()).toBe(1);
    await user.click(within(group).getByRole('button', { name: 'Nee, bewaren' }));
    expect(await database.rejected.count()).toBe(1);

    await user.click(within(group).getByRole('button', { name: 'Weggooien' }));
    await user.click(within(group).getByRole('button', { name: 'Ja, weggooien' }));
    expect(await screen.findByText('Er zijn geen verschillen.')).toBeInTheDocument();
    expect(await database.rejected.count()).toBe(0);
  });

  it('sends a refused write again from the page', async () => {
    const user = userEvent.setup();
    await storeConflictAndRefusal();
    renderApp('/account/verschillen');
    await user.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(
      await screen.findByText('De wijziging staat weer klaar om te versturen.'),
    ).toBeInTheDocument();
    expect(await database.rejected.count()).toBe(0);
    const [entry] = await database.outbox.toArray();
    expect(entry).toMatchObject({ op: 'put', entityId: 'sig-2' });
  });

  it('has a Dutch explanation for every reason the server can give', () => {
    const reasons = nl.conflicts.rejected.reason as Record<string, string>;
    const missing = [...ERROR_REASONS, 'undecryptable', 'unknown'].filter((r) => !reasons[r]);
    expect(missing).toEqual([]);
  });
});
