import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import nl from '../../../src/app/i18n/locales/nl.json';
import checkNl from '../../../src/app/i18n/locales/check-nl.json';
import signalsNl from '../../../src/app/i18n/locales/signals-nl.json';
import lockNl from '../../../src/app/i18n/locales/lock-nl.json';
import adminNl from '../../../src/app/i18n/locales/admin-nl.json';
import toekomstNl from '../../../src/app/i18n/locales/toekomst-nl.json';
import insightNl from '../../../src/app/i18n/locales/insight-nl.json';
import outreachNl from '../../../src/app/i18n/locales/outreach-nl.json';
import lifeEventsNl from '../../../src/app/i18n/locales/life-events-nl.json';
import questionsNl from '../../../src/domain/check/questions-nl.json';
import type { SyncErrorCode } from '../../../src/data/sync/sync-error';

const APP_DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'app');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(resources: unknown, key: string): boolean {
  let node: unknown = resources;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    const record = node as Record<string, unknown>;
    // i18next plurals: "count" resolves to count_one / count_other.
    node = part in record ? record[part] : record[`${part}_other`];
  }
  return typeof node === 'string';
}

const everything = {
  ...nl,
  ...checkNl,
  ...signalsNl,
  ...lockNl,
  ...adminNl,
  ...toekomstNl,
  ...insightNl,
  ...outreachNl,
  ...lifeEventsNl,
  ...questionsNl,
};

describe('Dutch texts', () => {
  it('has a Dutch text for every literal key the app asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(APP_DIR)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!has(everything, match[1]!))
          missing.push(`${file.slice(APP_DIR.length + 1)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the texts shown on every page (header, menu, start) in the start-up bundle', () => {
    for (const key of [
      'nav.check',
      'nav.signalen',
      'nav.admin',
      'start.actionCheck',
      'sync.upToDate',
    ]) {
      expect(has(nl, key), key).toBe(true);
    }
  });

  it('explains every sync and sign-in error in plain Dutch', () => {
    const codes = {
      offline: true,
      locked: true,
      notSignedIn: true,
      invalidCredentials: true,
      sessionExpired: true,
      deviceRevoked: true,
      deviceWiped: true,
      tooManyAttempts: true,
      clientTooOld: true,
      serverTooOld: true,
      badRequest: true,
      server: true,
      pendingChanges: true,
      otherUsersPendingChanges: true,
      recoveryOtherUser: true,
    } satisfies Record<SyncErrorCode, true>;
    const missing = Object.keys(codes).filter((code) => !has(nl, `sync.error.${code}`));
    expect(missing).toEqual([]);
  });
});
