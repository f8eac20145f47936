import type { HouseholdField } from './household-schema';
import type { LimitKey, NormCategory } from './norms-schema';
import type { SimpleResult } from './outcome-schema';
import type { LimitName, MessageOf, PctOfNorm, ReasonMessage } from './reason-message';
import {
  HOUSING_WORDS,
  INCOME_WORDS,
  INSURANCE_WORDS,
  andList,
  formatDate,
  formatEuro,
  formatPct,
  orList,
} from './format';

/**
 * The engine's messages in plain Dutch: what the nl audit trail, the engine's Dutch text fields
 * and its tests read. The app renders the same codes through its nl/en/ar locale files instead.
 */

export const NOT_ANSWERED = 'Nog niet ingevuld';

export const NORM_LABEL: Record<NormCategory, string> = {
  'alleenstaande-18-20': 'alleenstaande van 18 tot en met 20 jaar',
  'alleenstaande-ouder-18-20': 'alleenstaande ouder van 18 tot en met 20 jaar',
  'gehuwden-18-20': 'paar, beiden 18 tot en met 20 jaar',
  'gehuwden-18-20-met-kinderen': 'paar met kinderen, beiden 18 tot en met 20 jaar',
  'gehuwden-18-20-en-21-plus': 'paar, één van 18 tot en met 20 jaar',
  'gehuwden-18-20-en-21-plus-met-kinderen': 'paar met kinderen, één van 18 tot en met 20 jaar',
  'verhoging-18-20': 'verhoging voor 18 tot en met 20 jaar',
  'alleenstaande-21-aow': 'alleenstaande (ouder) vanaf 21 jaar',
  'gehuwden-21-aow': 'paar vanaf 21 jaar',
  'alleenstaande-aow': 'alleenstaande (ouder) met AOW-leeftijd',
  'gehuwden-aow': 'paar met AOW-leeftijd',
  'gehuwden-aow-en-21-aow': 'paar, één met AOW-leeftijd',
};

export const LIMIT_LABEL: Record<LimitName, string> = {
  fixed: 'Grens',
  'vermogensgrens-open': 'Vermogensgrens bijstand (hangt af van het huishouden)',
  'vermogensgrens-alleenstaande': 'Vermogensgrens alleenstaande',
  'vermogensgrens-ouder-of-paar': 'Vermogensgrens alleenstaande ouder of paar',
  'zorgtoeslag-inkomen': 'Inkomensgrens zorgtoeslag (bruto per jaar)',
  'zorgtoeslag-vermogen': 'Vermogensgrens zorgtoeslag',
  'huurtoeslag-vermogen': 'Vermogensgrens huurtoeslag',
  'kindgebonden-budget-vermogen': 'Vermogensgrens kindgebonden budget',
} satisfies Record<LimitKey, string> & Record<LimitName, string>;

export const FIELD_WORDS: Record<HouseholdField, string> = {
  members: 'wie er in het huishouden wonen',
  'member-ages': 'de leeftijden',
  incomes: 'het inkomen',
  savings: 'het spaargeld',
  housing: 'de woonsituatie',
  rent: 'de woonlasten',
  uitkering: 'de uitkering',
  gemeente: 'de woonplaats',
  debts: 'de schulden',
  'health-insurance': 'de zorgverzekering',
  kinderopvang: 'de kinderopvang',
  'special-costs': 'de bijzondere kosten',
  'energy-worries': 'zorgen over de energierekening',
  'money-worries': 'rondkomen',
  car: 'de waarde van de auto',
  vakantiegeld: 'of er vakantiegeld in het inkomen zit',
  'low-income-long-term': 'hoe lang het inkomen al laag is',
  illness: 'ziekte of beperking',
  'aow-incomplete': 'of de AOW volledig is',
};

/** "label." without doubling a closing mark ("…aangifte?." → "…aangifte?"). */
function closed(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function range(lowCents: number, highCents: number | null, unit: string): string {
  if (highCents === null) {
    return lowCents > 0
      ? `Minstens ${formatEuro(lowCents)}${unit} (nog niet alles ingevuld)`
      : NOT_ANSWERED;
  }
  if (highCents === lowCents) return `${formatEuro(lowCents)}${unit}`;
  return `${formatEuro(lowCents)} tot ${formatEuro(highCents)}${unit}`;
}

function pctOfNorm(p: PctOfNorm): string {
  const at = `norm ${NORM_LABEL[p.normCategory]} per ${formatDate(p.validFrom)}`;
  if (p.highCents === p.lowCents)
    return `${p.pct}% van ${formatEuro(p.normLowCents)} (${at}) = ${formatEuro(p.lowCents)} per maand`;
  if (p.highCents === null)
    return `${p.pct}% van de norm: minstens ${formatEuro(p.lowCents)} per maand (${at}; een nieuwere of hogere norm kan gelden)`;
  return `${p.pct}% van de norm: tussen ${formatEuro(p.lowCents)} en ${formatEuro(p.highCents)} per maand (${at})`;
}

function limitAmount(l: Omit<MessageOf<'limit'>, 'code'>, or: 'tot' | 'of'): string {
  const amount =
    l.highCents === l.lowCents
      ? formatEuro(l.lowCents)
      : or === 'of'
        ? `${formatEuro(l.lowCents)} of ${formatEuro(l.highCents ?? l.lowCents)}`
        : `${formatEuro(l.lowCents)} tot ${l.highCents === null ? 'onbekend' : formatEuro(l.highCents)}`;
  return `${LIMIT_LABEL[l.limit]}: ${amount} (per ${formatDate(l.validFrom)})`;
}

function yesNo(v: boolean | null): string {
  return v === null ? NOT_ANSWERED : v ? 'Ja' : 'Nee';
}

function agesText(ages: readonly (number | null)[]): string[] {
  return ages.map((a) => (a === null ? 'leeftijd onbekend' : `${a} jaar`));
}

const VERDICT_WORD = { fail: 'nee', open: 'nog niet zeker', pass: 'ja' } as const;

/** The deciding condition of a `deciding` message, from the outcome's reasons. */
export function decidingReason(
  msg: MessageOf<'deciding'>,
  reasons: readonly (SimpleResult & { children?: SimpleResult[] | undefined })[],
): SimpleResult | undefined {
  const [i = 0, j] = msg.at;
  const r = reasons[i];
  return j === undefined ? r : r?.children?.[j];
}

/**
 * One message in Dutch. `reasons` is needed only for `deciding`, which points into the outcome's
 * own reasons instead of copying them.
 */
export function dutchReason(
  msg: ReasonMessage,
  reasons: readonly (SimpleResult & { children?: SimpleResult[] | undefined })[] = [],
): string {
  switch (msg.code) {
    case 'not-answered':
      return NOT_ANSWERED;
    case 'money': {
      const text = range(msg.lowCents, msg.highCents, msg.perMonth ? ' per maand' : '');
      return msg.pctOfNorm === undefined
        ? text
        : `${text} (${formatPct(msg.pctOfNorm)} van de norm)`;
    }
    case 'savings-and-more':
      return `${formatEuro(msg.savingsCents)} spaargeld; samen met auto en schulden ${range(msg.lowCents, msg.highCents, '')}`;
    case 'children':
      return msg.ages.length === 0 ? 'Geen kinderen' : `Kinderen: ${agesText(msg.ages).join(', ')}`;
    case 'as-typed':
      return msg.text;
    case 'housing':
      return HOUSING_WORDS[msg.housing];
    case 'rent':
      return `€ ${msg.euro} per maand`;
    case 'income-types':
      return msg.types.map((u) => INCOME_WORDS[u]).join(', ');
    case 'no-uitkering':
      return 'Geen uitkering';
    case 'yes-no':
      return yesNo(msg.value);
    case 'debts':
      return `Schulden: ${yesNo(msg.debts).toLowerCase()}; achterstanden: ${yesNo(msg.arrears).toLowerCase()}`;
    case 'ages':
      return agesText(msg.ages).join(' en ');
    case 'insurance':
      return INSURANCE_WORDS[msg.insurance];
    case 'works-or-studies':
      return msg.states
        .map((s) => `${s.who}: ${s.state === null ? 'onbekend' : s.state ? 'ja' : 'nee'}`)
        .join(', ');
    case 'ask-about-it':
      return 'Vraag dit na';
    case 'see-alternatives':
      return 'Een van de mogelijkheden hieronder';
    case 'pct-of-norm':
      return pctOfNorm(msg);
    case 'pct-of-norm-only':
      return msg.normUnknown
        ? `${msg.pct}% van de norm (norm nog niet bekend)`
        : `${msg.pct}% van de norm`;
    case 'limit-unknown': {
      const base = msg.surely
        ? `Grens nog niet bekend; tot ${pctOfNorm(msg.surely)} zeker binnen de grens`
        : 'Grens nog niet bekend';
      return msg.yearly ? `${base}; ${limitAmount(msg.yearly, 'of')}` : base;
    }
    case 'vermogensgrens-unknown':
      return 'Vermogensgrens nog niet bekend';
    case 'limit':
      return limitAmount(msg, 'tot');
    case 'child-in-household':
      return 'Een kind in het huishouden';
    case 'child-aged':
      return `Een kind van ${msg.min} tot en met ${msg.max} jaar`;
    case 'lives-in':
      return `Wonen in ${orList(msg.gemeenten)}`;
    case 'housing-one-of':
      return orList(msg.housing.map((x) => HOUSING_WORDS[x]));
    case 'rent-range': {
      const parts: string[] = [];
      if (msg.min !== undefined) parts.push(`minstens € ${msg.min}`);
      if (msg.max === null) parts.push('maximum nog niet bekend');
      else if (msg.max !== undefined) parts.push(`hoogstens € ${msg.max}`);
      return `Huur per maand: ${parts.join(', ') || 'geen grens'}`;
    }
    case 'income-one-of':
      return orList(msg.types.map((t) => INCOME_WORDS[t]));
    case 'age-range': {
      const parts: string[] = [];
      if (msg.min !== undefined) parts.push(`${msg.min} jaar of ouder`);
      if (msg.max !== undefined) parts.push(`${msg.max} jaar of jonger`);
      return parts.join(' en ') || 'elke leeftijd';
    }
    case 'insurance-one-of':
      return orList(msg.insurance.map((x) => INSURANCE_WORDS[x]));
    case 'data-text':
      return msg.text;
    case 'income-definition-missing':
      return `Inkomensdefinitie ${msg.id} ontbreekt in de regels.`;
    case 'vakantiegeld-added':
      return `Vakantiegeld zit niet in het maandbedrag; daarom is ${formatPct(msg.pct)} opgeteld (${msg.label}), want de normen zijn inclusief vakantiegeld.`;
    case 'vakantiegeld-unknown':
      return `Nog niet bekend of vakantiegeld in het maandbedrag zit; gerekend zonder en met ${formatPct(msg.pct)} (${msg.label}).`;
    case 'debts-amount-missing':
      return 'Schulden gaan van het vermogen af; het bedrag van de schulden is niet ingevuld.';
    case 'debts-subtracted':
      return `Schulden (${formatEuro(msg.cents)}) gaan van het vermogen af.`;
    case 'car-value-missing':
      return 'Er is een auto; de waarde ervan kan meetellen als vermogen.';
    case 'car-counts':
      return `De auto (${formatEuro(msg.cents)}) telt mee als vermogen, tenzij die nodig is, bijvoorbeeld voor werk of door een beperking.`;
    case 'invalid-peildatum':
      return 'De peildatum is geen bestaande datum.';
    case 'norm-under-18':
      return 'Voor iemand jonger dan 18 jaar is er geen bijstandsnorm.';
    case 'norm-not-in-data':
      return `Er staat geen bijstandsnorm voor deze situatie op ${formatDate(msg.date)} in de gegevens.`;
    case 'vermogensgrens-not-in-data':
      return 'Er staat geen vermogensgrens voor deze datum in de gegevens.';
    case 'limit-not-in-data':
      return `${LIMIT_LABEL[msg.limit]}: nog niet in de gegevens voor ${formatDate(msg.date)}.`;
    case 'norm-depends-on-child-ages':
      return 'De norm hangt af van de leeftijd van de kinderen (jonger of ouder dan 18).';
    case 'norm-raise-missing':
      return 'De verhoging voor 18 tot en met 20 jaar staat niet in de gegevens.';
    case 'norm-raise':
      return `Voor 18 tot en met 20 jaar is de norm ${formatEuro(msg.lowCents)}; als de ouders niet kunnen bijdragen, wordt die hoger, tot ${formatEuro(msg.highCents)} (Participatiewet art. 20).`;
    case 'kostendelersnorm':
      return `Woont er iemand van 27 jaar of ouder in huis (geen partner, student of huurder)? Dan geldt de lagere kostendelersnorm: ${formatEuro(msg.cents)}.`;
    case 'stale-newer': {
      const text = `De ${msg.what} per ${formatDate(msg.changedOn)} staat nog niet in de gegevens; gerekend met die van ${formatDate(msg.usedFrom)}, dus nooit "geen recht" op grond van deze grens.`;
      return msg.pending === undefined ? text : `${text} ${msg.pending}`;
    }
    case 'stale-old':
      return `De ${msg.what} is van ${formatDate(msg.usedFrom)}; er is waarschijnlijk een nieuwere, dus nooit "geen recht" op grond van deze grens.`;
    case 'limit-stale':
      return `${LIMIT_LABEL[msg.limit]} is van ${formatDate(msg.usedFrom)}; er is waarschijnlijk een nieuwere, dus nooit "geen recht" op grond van deze grens.`;
    case 'net-yearly':
      return `Netto ${formatEuro(msg.cents)} per jaar; het bruto inkomen is nog hoger.`;
    case 'capacity-fill-rent':
      return `Het inkomen is ${formatEuro(msg.surplusCents)} per maand hoger dan de kosten van bestaan; hoge woonlasten kunnen dat opheffen. Vul de woonlasten in.`;
    case 'capacity-fail':
      return `Ook als alle woonlasten (${formatEuro(msg.housingCents)}) meetellen, blijft er ${formatEuro(msg.leftCents)} per maand over om de belasting te betalen.`;
    case 'capacity-close':
      return `Het inkomen is net hoger dan de kosten van bestaan, maar de woonlasten (${formatEuro(msg.housingCents)}) zijn hoog. Bij de aanvraag wordt de betalingscapaciteit precies uitgerekend: vraag kwijtschelding toch aan.`;
    case 'other-gemeente':
      return 'Deze regeling is van Dordrecht. Woont u ergens anders? Vraag het bij uw eigen gemeente.';
    case 'housing-depends':
      return 'Bij deze woonsituatie hangt het af van de afspraken; vraag het na bij de aanvraag.';
    case 'uncertain-fail':
      return 'Deze voorwaarde is niet zeker genoeg bekend om "geen recht" te zeggen.';
    case 'deciding': {
      const r = decidingReason(msg, reasons);
      if (r === undefined) return '';
      const grens = r.threshold === undefined ? '' : `; grens: ${r.threshold.text}`;
      return `${r.label}: ${VERDICT_WORD[msg.verdict]} (${r.valueText}${grens}).`;
    }
    case 'no-right':
      return 'Geen recht.';
    case 'not-sure-yet':
      return 'Nog niet zeker.';
    case 'meets-known':
      return 'Voldoet aan de voorwaarden die we kennen.';
    case 'fill-in':
      return `Nog in te vullen: ${andList(msg.fields.map((f) => FIELD_WORDS[f]))}.`;
    case 'probably-not':
      return closed(`Waarschijnlijk niet, maar niet zeker: ${msg.label}`);
    case 'not-known-yet':
      return closed(
        `Nog niet bekend: ${msg.label.replace(/\s*\(grens nog niet in de gegevens\)/, '')}`,
      );
    case 'not-sure':
      return `Niet zeker: ${msg.label}.`;
    case 'still-not-sure':
      return `Nog niet zeker: ${msg.label}.`;
    case 'rule-unconfirmed':
      return 'Deze regel is nog niet bevestigd door een actuele bron.';
    case 'not-from-source':
      return `Nog niet zeker uit een actuele bron: ${andList([...new Set(msg.labels.map((l) => l.toLowerCase()))])}.`;
    case 'rules-year':
      return `De regels zijn voor ${msg.rulesYear}; de peildatum valt in ${msg.peildatumYear}.`;
    case 'estimate-year':
      return `${msg.label}: ${formatEuro(msg.cents)} per jaar`;
    case 'estimate-children':
      return `${msg.label}: ${formatEuro(msg.amountCents)} × ${msg.count} ${msg.count === 1 ? 'kind' : 'kinderen'}`;
    case 'estimate-gap':
      return `${msg.label}: ongeveer ${formatEuro(msg.cents)} per maand`;
  }
}
