import type { Role } from '../domain/sync/roles';
import type { NavItem } from './components/nav-list';
import { paths } from './paths';

/**
 * What each role works with comes first in her menu and is where she lands after signing in.
 * A coordinator keeps no personal data: no check or signal screens, so no PIN either. The menu
 * stays short enough to fit one or two rows on a 768 px portrait tablet.
 */
const ITEM = {
  start: { to: paths.start.href(), key: 'nav.start', end: true },
  regelingen: { to: paths.regelingen.href(), key: 'nav.regelingen', end: false },
  check: { to: paths.checks.href(), key: 'nav.check', end: false },
  signalen: { to: paths.signals.href(), key: 'nav.signalen', end: false },
  wijken: { to: paths.wijken.href(), key: 'nav.wijken', end: false },
  programmas: { to: paths.programmes.href(), key: 'nav.programmas', end: false },
  cijfers: { to: paths.indicators.href(), key: 'nav.indicatoren', end: false },
  beheer: { to: paths.admin.href(), key: 'nav.admin', end: false },
  inzicht: { to: paths.insight.href(), key: 'nav.inzicht', end: false },
  toekomst: { to: paths.toekomst.href(), key: 'nav.toekomst', end: false },
  adressen: { to: paths.dayList.href(), key: 'nav.adressen', end: false },
  vroeg: { to: paths.vroegImport.href(), key: 'nav.vroegImport', end: false },
  campagnes: { to: paths.campaigns.href(), key: 'nav.campagnes', end: false },
} satisfies Record<string, NavItem>;

const GUEST: NavItem[] = [ITEM.start, ITEM.regelingen, ITEM.wijken, ITEM.programmas, ITEM.cijfers];

const BY_ROLE: Record<Role, NavItem[]> = {
  vrijwilliger: [ITEM.check, ITEM.signalen, ITEM.regelingen, ITEM.wijken, ITEM.start],
  // Her day list of vroegsignalen next to the signals (issue 17).
  wijkteam: [ITEM.signalen, ITEM.adressen, ITEM.check, ITEM.regelingen, ITEM.wijken, ITEM.start],
  // Her residents, referrals and offers first.
  toekomstmakelaar: [ITEM.toekomst, ITEM.signalen, ITEM.check, ITEM.regelingen, ITEM.start],
  // The live figures first; the catalogue's indicator table next to them.
  // Door-to-door campaigns next to the vroegsignalen; the regelingen list (advice to a
  // resident, which a coordinator does not give) makes room within the six a tablet shows.
  coordinator: [ITEM.inzicht, ITEM.vroeg, ITEM.campagnes, ITEM.cijfers, ITEM.wijken, ITEM.start],
  // The indicator table stays reachable from the start page and the figures.
  beheerder: [ITEM.beheer, ITEM.vroeg, ITEM.campagnes, ITEM.inzicht, ITEM.regelingen, ITEM.wijken],
};

export function navFor(role: Role | undefined): readonly NavItem[] {
  return role ? BY_ROLE[role] : GUEST;
}

/** Where a role lands after signing in: the first thing in her menu. */
export function startPathFor(role: Role): string {
  return BY_ROLE[role][0]?.to ?? paths.start.href();
}

export { keepsPersonalData } from '../domain/sync/personal-data';
