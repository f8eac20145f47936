import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/domain/sync/roles';
import { keepsPersonalData, navFor, startPathFor } from '../../../src/app/role-navigation';
import { paths } from '../../../src/app/paths';

describe('role navigation', () => {
  it('starts each role at her own work', () => {
    expect(startPathFor('vrijwilliger')).toBe(paths.checks.href());
    expect(startPathFor('wijkteam')).toBe(paths.signals.href());
    expect(startPathFor('coordinator')).toBe(paths.insight.href());
    expect(startPathFor('beheerder')).toBe(paths.admin.href());
    expect(startPathFor('toekomstmakelaar')).toBe(paths.toekomst.href());
  });

  it('gives a coordinator no check or signal screens and no PIN', () => {
    const links = navFor('coordinator').map((i) => i.to);
    expect(links).not.toContain(paths.checks.href());
    expect(links).not.toContain(paths.signals.href());
    expect(keepsPersonalData('coordinator')).toBe(false);
  });

  it('shows beheer only to a beheerder', () => {
    for (const role of ROLES) {
      const hasAdmin = navFor(role).some((i) => i.to === paths.admin.href());
      expect(hasAdmin, role).toBe(role === 'beheerder');
    }
    expect(navFor(undefined).some((i) => i.to === paths.admin.href())).toBe(false);
  });

  it('keeps every menu short enough for a portrait tablet', () => {
    for (const role of [...ROLES, undefined]) expect(navFor(role).length).toBeLessThanOrEqual(6);
  });
});
