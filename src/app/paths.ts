/** The app's routes: one place for every path, so links and the router cannot drift apart. */
function checklistHref(base: string, regelingen: readonly string[], taal?: string): string {
  const params = new URLSearchParams();
  for (const id of regelingen) params.append('regeling', id);
  if (taal) params.set('taal', taal);
  return `${base}?${params.toString()}`;
}

export const paths = {
  start: { path: '/', href: () => '/' },
  regelingen: {
    path: '/regelingen',
    href: (query?: Record<string, string | undefined>) => withQuery('/regelingen', query),
  },
  regeling: {
    path: '/regelingen/:id',
    href: (id: string) => `/regelingen/${encodeURIComponent(id)}`,
  },
  programmes: { path: '/programmas', href: () => '/programmas' },
  programme: {
    path: '/programmas/:id',
    href: (id: string) => `/programmas/${encodeURIComponent(id)}`,
  },
  /** The sociale kaart: places a worker sends a resident to, searchable offline. */
  kaart: {
    path: '/kaart',
    href: (query?: Record<string, string | undefined>) => withQuery('/kaart', query),
  },
  /** A referral slip for the resident: one place, printable in her language. */
  placeSlip: {
    path: '/kaart/:id/verwijsbriefje',
    href: (id: string) => `/kaart/${encodeURIComponent(id)}/verwijsbriefje`,
  },
  wijken: { path: '/wijken', href: () => '/wijken' },
  wijk: { path: '/wijken/:id', href: (id: string) => `/wijken/${encodeURIComponent(id)}` },
  indicators: { path: '/cijfers', href: () => '/cijfers' },
  /** The coordinator's live figures: counts only, suppressed on the server. */
  insight: { path: '/inzicht', href: () => '/inzicht' },
  checks: { path: '/check', href: () => '/check' },
  checkNew: { path: '/check/nieuw', href: () => '/check/nieuw' },
  /** Opens a check where it was left: the last topic the worker was on. */
  check: { path: '/check/:id', href: (id: string) => `/check/${encodeURIComponent(id)}` },
  checkTopic: {
    path: '/check/:id/:topic',
    href: (id: string, topic: string) =>
      `/check/${encodeURIComponent(id)}/${encodeURIComponent(topic)}`,
  },
  checkOutcome: {
    path: '/check/:id/uitkomst',
    href: (id: string) => `/check/${encodeURIComponent(id)}/uitkomst`,
  },
  checkSummary: {
    path: '/check/:id/samenvatting',
    href: (id: string, taal?: string) =>
      withQuery(`/check/${encodeURIComponent(id)}/samenvatting`, { taal }),
  },
  /** The volunteer's overview of this evening's spreekuur on this device: anonymous counts. */
  spreekuur: { path: '/spreekuur', href: () => '/spreekuur' },
  /** The anonymous quick check: answers in memory only (start with openQuickCheck for answers). */
  quickCheck: { path: '/spreekuur/snelcheck', href: () => '/spreekuur/snelcheck' },
  quickCheckTopic: {
    path: '/spreekuur/snelcheck/:topic',
    href: (topic: string) => `/spreekuur/snelcheck/${encodeURIComponent(topic)}`,
  },
  quickCheckOutcome: {
    path: '/spreekuur/snelcheck/uitkomst',
    href: () => '/spreekuur/snelcheck/uitkomst',
  },
  quickCheckSummary: {
    path: '/spreekuur/snelcheck/samenvatting',
    href: () => '/spreekuur/snelcheck/samenvatting',
  },
  /** "Is er iets veranderd in uw leven?": the life events (issue 16). */
  lifeEvents: { path: '/gebeurtenissen', href: () => '/gebeurtenissen' },
  lifeEvent: {
    path: '/gebeurtenissen/:id',
    href: (id: string) => `/gebeurtenissen/${encodeURIComponent(id)}`,
  },
  /** Start a check from a life event: the check start page with `gebeurtenis`. */
  checkNewFor: {
    path: '/check/nieuw',
    href: (lifeEvent: string) => withQuery('/check/nieuw', { gebeurtenis: lifeEvent }),
  },
  /** The resident's printable checklist for applying: regeling ids and a language, nothing personal. */
  checklist: {
    path: '/checklist',
    href: (regelingen: readonly string[], taal?: string) =>
      checklistHref('/checklist', regelingen, taal),
  },
  /** The same checklist inside the quick check, so opening it does not end the conversation. */
  quickCheckChecklist: {
    path: '/spreekuur/snelcheck/checklist',
    href: (regelingen: readonly string[], taal?: string) =>
      checklistHref('/spreekuur/snelcheck/checklist', regelingen, taal),
  },
  login: {
    path: '/inloggen',
    href: (returnTo?: string) => withQuery('/inloggen', { terug: returnTo }),
  },
  /** Sign-in of another worker on a shared tablet: the worker at the screen is kept, locked. */
  loginOther: { path: '/inloggen', href: () => withQuery('/inloggen', { ander: '1' }) },
  account: { path: '/account', href: () => '/account' },
  /** "Wissel van medewerker": the workers of this shared tablet, each opens with her own PIN. */
  workers: { path: '/medewerkers', href: () => '/medewerkers' },
  /** Conflicts and refused writes to settle; personal data, so behind the unlocked vault. */
  differences: { path: '/account/verschillen', href: () => '/account/verschillen' },
  /** The beheerder's screens: online only, no residents' data, so outside the PIN vault. */
  admin: { path: '/beheer', href: () => '/beheer' },
  adminUsers: { path: '/beheer/gebruikers', href: () => '/beheer/gebruikers' },
  adminUser: {
    path: '/beheer/gebruikers/:id',
    href: (id: string) => `/beheer/gebruikers/${encodeURIComponent(id)}`,
  },
  adminAudit: {
    path: '/beheer/audit',
    href: (query?: Record<string, string | undefined>) => withQuery('/beheer/audit', query),
  },
  adminCatalogue: { path: '/beheer/catalogus', href: () => '/beheer/catalogus' },
  adminRules: { path: '/beheer/regels', href: () => '/beheer/regels' },
  /** Creditors' arrears reports in (coordinator, beheerder); online only, nothing kept on the device. */
  vroegImport: { path: '/vroegsignalen', href: () => '/vroegsignalen' },
  /** Door-to-door campaigns: the coordinator makes them and reads their counts. */
  campaigns: { path: '/campagnes', href: () => '/campagnes' },
  signals: {
    path: '/signalen',
    href: (query?: Record<string, string | undefined>) => withQuery('/signalen', query),
  },
  /** Prefill with `categorie`, `wijk`, `urgentie` and `check` (a check outcome raises a signal in one tap). */
  newSignal: {
    path: '/signalen/nieuw',
    href: (query?: Record<string, string | undefined>) => withQuery('/signalen/nieuw', query),
  },
  signal: {
    path: '/signalen/:id',
    href: (id: string) => `/signalen/${encodeURIComponent(id)}`,
  },
  /** A wijkteam worker's day list of assigned vroegsignalen; filters `wijk`, `schuldeiser`, `nietbezocht`. */
  dayList: {
    path: '/adressen',
    href: (query?: Record<string, string | undefined>) => withQuery('/adressen', query),
  },
  /** The visit screen of one address on the day list. */
  visit: { path: '/adressen/:id', href: (id: string) => `/adressen/${encodeURIComponent(id)}` },
  /** The toekomstmakelaar's list: what needs her next, her residents, her offers and figures. */
  toekomst: { path: '/toekomst', href: () => '/toekomst' },
  /** Refer a resident to the toekomstmakelaars; `bron` (check, signaal, eigen), `id` and `wijk`. */
  toekomstRefer: {
    path: '/toekomst/verwijzen',
    href: (query?: Record<string, string | undefined>) => withQuery('/toekomst/verwijzen', query),
  },
  trajectory: {
    path: '/toekomst/:id',
    href: (id: string) => `/toekomst/${encodeURIComponent(id)}`,
  },
  /** The resident's own one-page plan, printable. */
  trajectoryPlan: {
    path: '/toekomst/:id/plan',
    href: (id: string) => `/toekomst/${encodeURIComponent(id)}/plan`,
  },
} as const;

function withQuery(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
