import type { SourceRef } from '../catalogue/schema';

/**
 * The signal taxonomy, drawn from the seeds (domain brief §6.1). Every category names the seed
 * passage it rests on, so a worker or an auditor can check why it exists. Labels and hints are
 * i18n keys (`signals:category.<id>`); the Dutch text lives in signals-nl.json.
 */
export const SIGNAL_CATEGORY_IDS = [
  'geldzorgen-schulden',
  'achterstand-huur',
  'achterstand-energie',
  'achterstand-zorgverzekering',
  'achterstand-water',
  'dreigende-huisuitzetting',
  'woonproblemen',
  'eenzaamheid',
  'mentale-gezondheid',
  'gezondheid-leefstijl',
  'opvoeden-opgroeien',
  'schoolverzuim-thuiszitten',
  'werk-inkomen',
  'veiligheid',
] as const;
export type SignalCategoryId = (typeof SIGNAL_CATEGORY_IDS)[number];

/**
 * `support`: an offer of help, only with the resident's consent (vroegsignalering is an offer,
 * not enforcement [000 L1413–1415]). `safety`: worries about violence or abuse at home; these
 * follow the Veilig Thuis route and are the only ones that may be logged without consent.
 */
export type SignalRoute = 'support' | 'safety';

export interface SignalCategory {
  id: SignalCategoryId;
  route: SignalRoute;
  /** Catalogue organisations the seeds name as the follow-up route; the form suggests these first. */
  suggestedOrganisations: readonly string[];
  source: readonly SourceRef[];
}

const S000 = '000_6d4ebf84a8013f8d.txt';
const S002 = '002_7e2e2d0ced4a1664.txt';
const S003 = '003_595b1b18b47d5e8d.txt';
const S004 = '004_f5c86e1bd0540830.txt';

/**
 * The seeds speak of "betalingsachterstanden" in general; the split into huur, energie,
 * zorgverzekering and water follows the vaste-lastenpartners that must signal arrears to the
 * gemeente under the national rules for vroegsignalering.
 */
const VROEGSIGNALERING_VASTE_LASTEN: SourceRef = {
  title: 'Besluit gemeentelijke schuldhulpverlening (vroegsignalering vaste lasten)',
  publisher: 'Rijksoverheid',
  date: '2021-01-01',
};

export const SIGNAL_CATEGORIES: readonly SignalCategory[] = [
  {
    id: 'geldzorgen-schulden',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden', 'geldpraatje', 'financieel-hulphuis'],
    source: [
      { file: S000, lines: 'L222–239, L250–254', section: 'Schulden; vroeg erop af' },
      { file: S003, lines: 'L3716–3724, L3832–3836', section: '7.3 Samen tegen armoede' },
    ],
  },
  {
    id: 'achterstand-huur',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden', 'woonbron', 'trivire'],
    source: [
      { file: S003, lines: 'L557, L3288', section: 'Betalingsachterstanden en huisuitzettingen' },
      VROEGSIGNALERING_VASTE_LASTEN,
    ],
  },
  {
    id: 'achterstand-energie',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden', 'energiehulp-dordrecht'],
    source: [
      { file: S000, lines: 'L337–350', section: 'Energiearmoede' },
      { file: S003, lines: 'L907–909, L1026–1032', section: 'Energiehulp' },
      VROEGSIGNALERING_VASTE_LASTEN,
    ],
  },
  {
    id: 'achterstand-zorgverzekering',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden'],
    source: [
      { file: S003, lines: 'L1492–1499', section: 'Gemeentepolis' },
      VROEGSIGNALERING_VASTE_LASTEN,
    ],
  },
  {
    id: 'achterstand-water',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden'],
    source: [
      { file: S003, lines: 'L3716–3724', section: 'Betalingsachterstanden' },
      VROEGSIGNALERING_VASTE_LASTEN,
    ],
  },
  {
    id: 'dreigende-huisuitzetting',
    route: 'support',
    suggestedOrganisations: ['sociale-dienst-drechtsteden', 'sociaal-wijkteam'],
    source: [{ file: S003, lines: 'L557, L3744–3748', section: 'Huisuitzettingen voorkomen' }],
  },
  {
    id: 'woonproblemen',
    route: 'support',
    suggestedOrganisations: ['woonbron', 'trivire', 'sociaal-wijkteam'],
    source: [
      { file: S000, lines: 'L811–812, L857–868, L974–980', section: 'Betaalbare woonruimte' },
      { file: S003, lines: 'L588–591, L1083–1085', section: 'Wonen en leefomgeving' },
    ],
  },
  {
    id: 'eenzaamheid',
    route: 'support',
    suggestedOrganisations: ['wij-dordrecht', 'buurtwerk', 'sociaal-wijkteam'],
    source: [
      { file: S000, lines: 'L182–183, L1126', section: 'Eenzaamheid' },
      { file: S003, lines: 'L1936–1938, L1963–1965', section: '5.3 Stress en eenzaamheid' },
    ],
  },
  {
    id: 'mentale-gezondheid',
    route: 'support',
    suggestedOrganisations: ['sociaal-wijkteam', 'huisartsen', 'ggd-wijk-ggd'],
    source: [
      { file: S000, lines: 'L988–989, L1123–1124', section: 'Stress en mentale gezondheid' },
      { file: S003, lines: 'L1995–2025', section: 'Voorkomen en tegengaan stress' },
    ],
  },
  {
    id: 'gezondheid-leefstijl',
    route: 'support',
    suggestedOrganisations: ['jongjgz', 'huisartsen', 'sociaal-wijkteam'],
    source: [
      { file: S000, lines: 'L1125', section: 'Gezondheid' },
      { file: S003, lines: 'L1368–1369, L1724–1725', section: 'Gezond en samen leven' },
    ],
  },
  {
    id: 'opvoeden-opgroeien',
    route: 'support',
    suggestedOrganisations: ['jongjgz', 'sociaal-wijkteam', 'jongerenwerk'],
    source: [
      { file: S003, lines: 'L1737–1750, L3027–3039', section: 'Kansrijke start; brugfunctionaris' },
      { file: S002, lines: 'L239', section: 'Opvoedondersteuning' },
    ],
  },
  {
    id: 'schoolverzuim-thuiszitten',
    route: 'support',
    suggestedOrganisations: ['leerplicht-blvs', 'jongerenwerk'],
    source: [
      { file: S003, lines: 'L2976–3048, L4720–4726', section: '6.5 Schooluitval en schoolverzuim' },
      { file: S004, lines: 'L1184–1203', section: 'Thuiszitters' },
    ],
  },
  {
    id: 'werk-inkomen',
    route: 'support',
    suggestedOrganisations: [
      'werkcentrum-drechtsteden',
      'kickstart',
      'sociale-dienst-drechtsteden',
    ],
    source: [{ file: S003, lines: 'L3357–3363, L3411–3413', section: '7 Arbeidsmarkt' }],
  },
  {
    id: 'veiligheid',
    route: 'safety',
    suggestedOrganisations: ['veilig-thuis'],
    source: [
      { file: S003, lines: 'L5526–5527, L6298–6299', section: 'Huiselijk geweld' },
      { file: S004, lines: 'L1144–1154', section: 'Pilot Sociaal Wijkteam en Veilig Thuis' },
    ],
  },
];

const BY_ID = new Map(SIGNAL_CATEGORIES.map((c) => [c.id, c]));

export function signalCategory(id: SignalCategoryId): SignalCategory {
  const category = BY_ID.get(id);
  if (!category) throw new Error(`Unknown signal category ${id}`);
  return category;
}

export function isSignalCategoryId(value: unknown): value is SignalCategoryId {
  return typeof value === 'string' && BY_ID.has(value as SignalCategoryId);
}

/** Safety worries go to Veilig Thuis; the form shows this route apart from the support tiles. */
export function isSafetyCategory(id: SignalCategoryId): boolean {
  return signalCategory(id).route === 'safety';
}

/** The catalogue organisation that takes safety worries (advice and reports). */
export const VEILIG_THUIS_ORGANISATION = 'veilig-thuis';
