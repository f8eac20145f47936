import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../../src/data/db';
import { loadDraft, saveDraft } from '../../../src/data/drafts';
import { withUnlockedVault } from '../helpers/unlocked-vault';
import { initI18n } from '../../../src/app/i18n/i18n';
import { UpdatePrompt } from '../../../src/app/components/update-prompt';

const calls: string[] = [];
const updateServiceWorker = vi.fn(async () => {
  // Read as a fresh page would after the reload: from the database, not from memory.
  const stored = await db().drafts.get('check:123');
  calls.push(`update with draft ${stored ? String(await loadDraft('check:123')) : 'missing'}`);
});

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [true, () => {}],
    offlineReady: [false, () => {}],
    updateServiceWorker,
  }),
}));

initI18n('nl');
withUnlockedVault(() => db());

describe('UpdatePrompt', () => {
  it('tells the worker a new version is waiting and saves what is being typed before updating', async () => {
    render(<UpdatePrompt />);
    expect(screen.getByText('Er is een nieuwe versie van Dichtbij.')).toBeInTheDocument();
    expect(screen.getByText('Wat u heeft ingevuld, blijft bewaard.')).toBeInTheDocument();
    // Typed a moment ago: still waiting in the debounce when the worker taps "update".
    saveDraft('check:123', 'half a sentence');
    await userEvent.click(screen.getByRole('button', { name: 'Nu bijwerken' }));
    await vi.waitFor(() => expect(calls).toEqual(['update with draft half a sentence']));
    expect(updateServiceWorker).toHaveBeenCalledWith(true);
  });
});
