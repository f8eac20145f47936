import type { TFunction } from 'i18next';
import type { SimpleResult } from '../../domain/eligibility/outcome-schema';
import type { MessageOf, PctOfNorm, ReasonMessage } from '../../domain/eligibility/reason-message';
import { decidingReason } from '../../domain/eligibility/dutch-reasons';
import { GEMEENTEN } from '../../domain/check/answers-to-household';
import { localeFor, type Formatters } from '../i18n/format';

/**
 * The engine's reason codes in the reader's language: each code is a key under
 * `checkUi.reasonMsg`, amounts, dates and percentages go through `Intl` for the active locale.
 * Labels and editors' notes inside a message are translated before this (localiseOutcome), so
 * what arrives here is only to be worded.
 */

const K = 'checkUi.reasonMsg';

type Reasons = readonly (SimpleResult & { children?: SimpleResult[] | undefined })[];

export interface ReasonWords {
  t: TFunction;
  format: Formatters;
}

function euro(f: Formatters, cents: number): string {
  return f.euro(Math.round(cents) / 100);
}

function percent(f: Formatters, value: number): string {
  return new Intl.NumberFormat(localeFor(f.language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}

function list(f: Formatters, words: readonly string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(localeFor(f.language), { type }).format(words);
}

function moneyText(
  { t, format }: ReasonWords,
  lowCents: number,
  highCents: number | null,
  perMonth: boolean,
): string {
  const month = perMonth ? 'Month' : '';
  if (highCents === null) {
    return lowCents > 0
      ? t(`${K}.money.atLeast${month}`, { amount: euro(format, lowCents) })
      : t(`${K}.not-answered`);
  }
  if (highCents === lowCents)
    return t(`${K}.money.exact${month}`, { amount: euro(format, lowCents) });
  return t(`${K}.money.range${month}`, {
    low: euro(format, lowCents),
    high: euro(format, highCents),
  });
}

function pctOfNormText({ t, format }: ReasonWords, p: PctOfNorm): string {
  const at = t(`${K}.pct-of-norm.at`, {
    category: t(`${K}.words.norm.${p.normCategory}`),
    date: format.date(p.validFrom),
  });
  const pct = percent(format, p.pct);
  if (p.highCents === p.lowCents)
    return t(`${K}.pct-of-norm.exact`, {
      pct,
      norm: euro(format, p.normLowCents),
      at,
      amount: euro(format, p.lowCents),
    });
  if (p.highCents === null)
    return t(`${K}.pct-of-norm.atLeast`, { pct, at, amount: euro(format, p.lowCents) });
  return t(`${K}.pct-of-norm.between`, {
    pct,
    at,
    low: euro(format, p.lowCents),
    high: euro(format, p.highCents),
  });
}

function limitText(
  { t, format }: ReasonWords,
  l: Omit<MessageOf<'limit'>, 'code'>,
  or: 'range' | 'either',
): string {
  const base = { limit: t(`${K}.words.limit.${l.limit}`), date: format.date(l.validFrom) };
  if (l.highCents === l.lowCents)
    return t(`${K}.limit.exact`, { ...base, amount: euro(format, l.lowCents) });
  if (l.highCents === null)
    return or === 'either'
      ? t(`${K}.limit.exact`, { ...base, amount: euro(format, l.lowCents) })
      : t(`${K}.limit.rangeOpen`, { ...base, low: euro(format, l.lowCents) });
  return t(`${K}.limit.${or}`, {
    ...base,
    low: euro(format, l.lowCents),
    high: euro(format, l.highCents),
  });
}

const GEMEENTE_KEYS = new Map(
  Object.entries(GEMEENTEN).map(([key, name]) => [name.trim().toLowerCase(), key]),
);

/** A gemeente as the woonplaats question names it in this language ("دوردريخت (Dordrecht)"). */
function gemeente({ t }: ReasonWords, name: string): string {
  const key = GEMEENTE_KEYS.get(name.trim().toLowerCase());
  return key === undefined ? name : t(`check.questions.woonplaats.options.${key}`, name);
}

function agesList(w: ReasonWords, ages: readonly (number | null)[]): string[] {
  return ages.map((a) =>
    a === null ? w.t(`${K}.words.ageUnknown`) : w.t(`${K}.words.age`, { age: w.format.number(a) }),
  );
}

function yesNoLower(w: ReasonWords, v: boolean | null): string {
  return w.t(`${K}.words.${v === null ? 'openLower' : v ? 'yesLower' : 'noLower'}`);
}

/** One message in the reader's language; `reasons` only for `deciding`. */
export function reasonText(w: ReasonWords, msg: ReasonMessage, reasons: Reasons = []): string {
  const { t, format } = w;
  switch (msg.code) {
    case 'money': {
      const text = moneyText(w, msg.lowCents, msg.highCents, msg.perMonth);
      return msg.pctOfNorm === undefined
        ? text
        : t(`${K}.money.withPct`, { money: text, pct: percent(format, msg.pctOfNorm) });
    }
    case 'savings-and-more':
      return t(`${K}.savings-and-more`, {
        savings: euro(format, msg.savingsCents),
        range: moneyText(w, msg.lowCents, msg.highCents, false),
      });
    case 'children':
      return msg.ages.length === 0
        ? t(`${K}.children.none`)
        : t(`${K}.children.some`, { ages: list(format, agesList(w, msg.ages), 'conjunction') });
    case 'as-typed':
      return gemeente(w, msg.text);
    case 'housing':
      return t(`${K}.words.housing.${msg.housing}`);
    case 'rent':
      return t(`${K}.rent`, { amount: format.euro(msg.euro) });
    case 'income-types':
      return list(
        format,
        msg.types.map((x) => t(`${K}.words.income.${x}`)),
        'conjunction',
      );
    case 'yes-no':
      return t(`${K}.words.${msg.value ? 'yes' : 'no'}`);
    case 'debts':
      return t(`${K}.debts`, {
        debts: yesNoLower(w, msg.debts),
        arrears: yesNoLower(w, msg.arrears),
      });
    case 'ages':
      return list(format, agesList(w, msg.ages), 'conjunction');
    case 'insurance':
      return t(`${K}.words.insurance.${msg.insurance}`);
    case 'works-or-studies':
      return list(
        format,
        msg.states.map((s) =>
          t(`${K}.works-or-studies`, {
            who: t(`${K}.words.who.${s.who}`),
            state: yesNoLower(w, s.state),
          }),
        ),
        'conjunction',
      );
    case 'pct-of-norm':
      return pctOfNormText(w, msg);
    case 'pct-of-norm-only':
      return t(`${K}.pct-of-norm-only.${msg.normUnknown ? 'unknown' : 'plain'}`, {
        pct: percent(format, msg.pct),
      });
    case 'limit-unknown': {
      const base = msg.surely
        ? t(`${K}.limit-unknown.surely`, { surely: pctOfNormText(w, msg.surely) })
        : t(`${K}.limit-unknown.plain`);
      return msg.yearly
        ? t(`${K}.limit-unknown.withYearly`, {
            base,
            yearly: limitText(w, msg.yearly, 'either'),
          })
        : base;
    }
    case 'limit':
      return limitText(w, msg, 'range');
    case 'child-aged':
      return t(`${K}.child-aged`, { min: format.number(msg.min), max: format.number(msg.max) });
    case 'lives-in':
      return t(`${K}.lives-in`, {
        places: list(
          format,
          msg.gemeenten.map((g) => gemeente(w, g)),
          'disjunction',
        ),
      });
    case 'housing-one-of':
      return list(
        format,
        msg.housing.map((x) => t(`${K}.words.housing.${x}`)),
        'disjunction',
      );
    case 'income-one-of':
      return list(
        format,
        msg.types.map((x) => t(`${K}.words.income.${x}`)),
        'disjunction',
      );
    case 'insurance-one-of':
      return list(
        format,
        msg.insurance.map((x) => t(`${K}.words.insurance.${x}`)),
        'disjunction',
      );
    case 'rent-range': {
      const parts: string[] = [];
      if (msg.min !== undefined)
        parts.push(t(`${K}.rent-range.min`, { amount: format.euro(msg.min) }));
      if (msg.max === null) parts.push(t(`${K}.rent-range.maxUnknown`));
      else if (msg.max !== undefined)
        parts.push(t(`${K}.rent-range.max`, { amount: format.euro(msg.max) }));
      return t(`${K}.rent-range.text`, {
        parts: parts.length === 0 ? t(`${K}.rent-range.none`) : list(format, parts, 'conjunction'),
      });
    }
    case 'age-range': {
      const parts: string[] = [];
      if (msg.min !== undefined)
        parts.push(t(`${K}.age-range.min`, { age: format.number(msg.min) }));
      if (msg.max !== undefined)
        parts.push(t(`${K}.age-range.max`, { age: format.number(msg.max) }));
      return parts.length === 0 ? t(`${K}.age-range.any`) : list(format, parts, 'conjunction');
    }
    case 'data-text':
      return msg.text;
    case 'income-definition-missing':
      return t(`${K}.income-definition-missing`, { id: msg.id });
    case 'vakantiegeld-added':
    case 'vakantiegeld-unknown':
      return t(`${K}.${msg.code}`, { pct: percent(format, msg.pct), label: msg.label });
    case 'debts-subtracted':
    case 'car-counts':
    case 'kostendelersnorm':
    case 'net-yearly':
      return t(`${K}.${msg.code}`, { amount: euro(format, msg.cents) });
    case 'norm-not-in-data':
      return t(`${K}.norm-not-in-data`, { date: format.date(msg.date) });
    case 'limit-not-in-data':
      return t(`${K}.limit-not-in-data`, {
        limit: t(`${K}.words.limit.${msg.limit}`),
        date: format.date(msg.date),
      });
    case 'norm-raise':
      return t(`${K}.norm-raise`, {
        low: euro(format, msg.lowCents),
        high: euro(format, msg.highCents),
      });
    case 'stale-newer': {
      const text = t(`${K}.stale-newer`, {
        what: t(`${K}.words.what.${msg.what}`),
        changedOn: format.date(msg.changedOn),
        usedFrom: format.date(msg.usedFrom),
      });
      return msg.pending === undefined ? text : `${text} ${msg.pending}`;
    }
    case 'stale-old':
      return t(`${K}.stale-old`, {
        what: t(`${K}.words.what.${msg.what}`),
        usedFrom: format.date(msg.usedFrom),
      });
    case 'limit-stale':
      return t(`${K}.limit-stale`, {
        limit: t(`${K}.words.limit.${msg.limit}`),
        usedFrom: format.date(msg.usedFrom),
      });
    case 'capacity-fill-rent':
      return t(`${K}.capacity-fill-rent`, { amount: euro(format, msg.surplusCents) });
    case 'capacity-fail':
      return t(`${K}.capacity-fail`, {
        housing: euro(format, msg.housingCents),
        left: euro(format, msg.leftCents),
      });
    case 'capacity-close':
      return t(`${K}.capacity-close`, { housing: euro(format, msg.housingCents) });
    case 'deciding': {
      const r = decidingReason(msg, reasons);
      if (r === undefined) return '';
      const parts = {
        label: r.label,
        verdict: t(`${K}.deciding.verdict.${msg.verdict}`),
        value: reasonText(w, r.valueMsg),
      };
      return r.threshold === undefined
        ? t(`${K}.deciding.plain`, parts)
        : t(`${K}.deciding.withLimit`, { ...parts, threshold: reasonText(w, r.threshold.msg) });
    }
    case 'fill-in':
      return t(`${K}.fill-in`, {
        fields: list(
          format,
          msg.fields.map((f) => t(`${K}.words.field.${f}`)),
          'conjunction',
        ),
      });
    case 'probably-not':
    case 'not-known-yet':
    case 'not-sure':
    case 'still-not-sure':
      return t(`${K}.${msg.code}`, {
        label: msg.label.replace(/[.?!]$/, '').replace(/\s*\(grens nog niet in de gegevens\)/, ''),
      });
    case 'not-from-source':
      return t(`${K}.not-from-source`, { labels: list(format, msg.labels, 'conjunction') });
    case 'rules-year':
      return t(`${K}.rules-year`, {
        rulesYear: String(msg.rulesYear),
        peildatumYear: String(msg.peildatumYear),
      });
    case 'estimate-year':
      return t(`${K}.estimate-year`, { label: msg.label, amount: euro(format, msg.cents) });
    case 'estimate-children':
      return t(`${K}.estimate-children`, {
        label: msg.label,
        amount: euro(format, msg.amountCents),
        count: msg.count,
      });
    case 'estimate-gap':
      return t(`${K}.estimate-gap`, { label: msg.label, amount: euro(format, msg.cents) });
    default:
      // Codes without figures: the key alone says it.
      return t(`${K}.${msg.code}`);
  }
}
