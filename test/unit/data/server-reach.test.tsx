import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { OfflineError, pingServer, requestJson } from '../../../src/data/http';
import { resetServerReach, serverReach } from '../../../src/data/server-reach';
import { ConnectionStatus } from '../../../src/app/components/connection-status';
import { initI18n } from '../../../src/app/i18n/i18n';

initI18n('nl');

/**
 * The header must say whether the SERVER answers. navigator.onLine says "online" while the wifi
 * is up and the server is down; these tests keep the browser "online" and take the server away.
 */
function serverAnswers(status: number) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ ok: status < 400 }), { status })),
  );
}
function serverGone() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
}

beforeEach(() => {
  resetServerReach();
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('server reach', () => {
  it('is unreachable when no server answers, even though the browser says online', async () => {
    serverGone();
    await expect(requestJson('/api/health')).rejects.toBeInstanceOf(OfflineError);
    expect(serverReach().reach).toBe('unreachable');
    expect(serverReach().lastContactAt).toBeNull();
  });

  it('is reachable when the server answers, also with an error status of its own', async () => {
    serverAnswers(401);
    await expect(requestJson('/api/sync')).rejects.toThrow();
    expect(serverReach().reach).toBe('reachable');
    expect(serverReach().lastContactAt).not.toBeNull();
  });

  it('treats a gateway without a server behind it (502/503/504) as unreachable', async () => {
    serverAnswers(200);
    expect(await pingServer()).toBe(true);
    const contact = serverReach().lastContactAt;
    serverAnswers(503);
    expect(await pingServer()).toBe(false);
    expect(serverReach()).toMatchObject({ reach: 'unreachable', lastContactAt: contact });
  });

  it('does not take an app file (which the service worker answers from its cache) as the server answering', async () => {
    serverGone();
    expect(await pingServer()).toBe(false);
    serverAnswers(200);
    await requestJson('/catalogue.json');
    expect(serverReach().reach).toBe('unreachable');
  });

  it('shows "Server niet bereikbaar" in the header while navigator.onLine is true', async () => {
    serverGone();
    render(
      <MemoryRouter>
        <ConnectionStatus />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/Server niet bereikbaar/)).toBeInTheDocument();
    expect(screen.queryByText(/Online/)).toBeNull();
  });

  it('shows "Server bereikbaar" once the health check answers', async () => {
    serverAnswers(200);
    render(
      <MemoryRouter>
        <ConnectionStatus />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Server bereikbaar')).toBeInTheDocument();
  });
});
