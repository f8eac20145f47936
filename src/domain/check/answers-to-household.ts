import {
  HEALTH_INSURANCE,
  HOUSING_TYPES,
  householdSchema,
  incomeSourceSchema,
  type HealthInsurance,
  type Household,
  type HousingType,
  type IncomeSource,
  type Member,
} from '../eligibility/household-schema';
import type { CheckAnswers } from './answers-schema';
import { answeredMembers, isQuestionVisible } from './skip-logic';
import { getQuestion } from './questions';

/**
 * From the check's answers to the household the engine reads. Only visible, answered questions
 * count: an answer left behind after the household changed (a partner removed) must not leak in.
 * Declined and "weet ik niet" become undefined, which the engine treats as unknown — never zero.
 */

/** The woonplaats answer's options as the engine reads them (rules name gemeenten by these names). */
export const GEMEENTEN: Record<string, string> = {
  dordrecht: 'Dordrecht',
  zwijndrecht: 'Zwijndrecht',
  papendrecht: 'Papendrecht',
  sliedrecht: 'Sliedrecht',
  alblasserdam: 'Alblasserdam',
  'hendrik-ido-ambacht': 'Hendrik-Ido-Ambacht',
  'hardinxveld-giessendam': 'Hardinxveld-Giessendam',
  'andere-gemeente': 'Andere gemeente',
};

function value(answers: CheckAnswers, id: string): unknown {
  const question = getQuestion(id);
  const entry = answers.answers[id];
  if (question === undefined || entry?.status !== 'answered') return undefined;
  if (!isQuestionVisible(answers, question)) return undefined;
  return entry.value;
}

function money(answers: CheckAnswers, id: string): number | undefined {
  const v = value(answers, id);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function yesNo(answers: CheckAnswers, id: string): boolean | undefined {
  const v = value(answers, id);
  return v === 'ja' ? true : v === 'nee' ? false : undefined;
}

function incomes(answers: CheckAnswers, id: string): IncomeSource[] | undefined {
  const v = value(answers, id);
  if (!Array.isArray(v)) return undefined;
  const out: IncomeSource[] = [];
  for (const item of v) {
    const parsed = incomeSourceSchema.safeParse(item);
    // One unreadable entry makes the whole income unknown rather than silently smaller.
    if (!parsed.success) return undefined;
    out.push(parsed.data);
  }
  return out;
}

export function answersToHousehold(answers: CheckAnswers): Household {
  const h: Household = {};

  const woonplaats = value(answers, 'woonplaats');
  if (typeof woonplaats === 'string' && woonplaats in GEMEENTEN) h.gemeente = GEMEENTEN[woonplaats];

  const huishouden = getQuestion('huishouden');
  const membersAnswer =
    huishouden !== undefined && isQuestionVisible(answers, huishouden)
      ? answeredMembers(answers)
      : undefined;
  if (membersAnswer !== undefined) {
    const aanvragerIncomes = incomes(answers, 'inkomen-aanvrager');
    const partnerIncomes = incomes(answers, 'inkomen-partner');
    h.members = membersAnswer.map((m): Member => {
      const member: Member = { id: m.id, role: m.role };
      if (m.age !== undefined) member.age = m.age;
      if (m.role === 'aanvrager' && aanvragerIncomes !== undefined)
        member.incomes = aanvragerIncomes;
      if (m.role === 'partner' && partnerIncomes !== undefined) member.incomes = partnerIncomes;
      return member;
    });
  }

  const savings = money(answers, 'vermogen');
  if (savings !== undefined) h.savings = savings;
  const hasCar = yesNo(answers, 'auto');
  if (hasCar !== undefined) h.hasCar = hasCar;
  const carValue = money(answers, 'auto-waarde');
  if (carValue !== undefined) h.carValue = carValue;
  const vakantiegeld = yesNo(answers, 'vakantiegeld');
  if (vakantiegeld !== undefined) h.vakantiegeldIncluded = vakantiegeld;
  const lowIncomeLongTerm = yesNo(answers, 'laag-inkomen-lang');
  if (lowIncomeLongTerm !== undefined) h.lowIncomeLongTerm = lowIncomeLongTerm;
  const aowIncomplete = yesNo(answers, 'aow-onvolledig');
  if (aowIncomplete !== undefined) h.aowIncomplete = aowIncomplete;
  const illness = yesNo(answers, 'ziekte-werk');
  if (illness !== undefined) h.illnessLimitsWork = illness;
  const fixed = money(answers, 'vaste-lasten');
  if (fixed !== undefined) h.fixedCostsMonthly = fixed;

  const rondkomen = value(answers, 'rondkomen');
  if (typeof rondkomen === 'string')
    h.moneyWorries = rondkomen === 'moeilijk' || rondkomen === 'lukt-niet';

  const arrears = yesNo(answers, 'betalingsachterstanden');
  if (arrears !== undefined) h.hasArrears = arrears;
  const debts = yesNo(answers, 'schulden');
  if (debts !== undefined) h.hasDebts = debts;
  const debtAmount = money(answers, 'schulden-bedrag');
  if (debtAmount !== undefined) h.debtAmount = debtAmount;

  const receives = new Set<string>();
  const ontvangt = value(answers, 'ontvangt-al');
  if (Array.isArray(ontvangt)) {
    for (const r of ontvangt) if (typeof r === 'string' && r !== 'geen') receives.add(r);
  }

  const special = yesNo(answers, 'bijzondere-kosten');
  if (special !== undefined) h.hasSpecialCosts = special;
  const opvang = yesNo(answers, 'kinderopvang');
  if (opvang !== undefined) h.usesKinderopvang = opvang;

  const woning = value(answers, 'woning');
  if (typeof woning === 'string' && (HOUSING_TYPES as readonly string[]).includes(woning)) {
    h.housing = woning as HousingType;
  }
  const woonlasten = money(answers, 'woonlasten');
  if (woonlasten !== undefined) {
    if (h.housing === 'koop') h.mortgageMonthly = woonlasten;
    else h.rentMonthly = woonlasten;
  }
  const energy = money(answers, 'energiekosten');
  if (energy !== undefined) h.energyCostsMonthly = energy;
  const energyWorries = yesNo(answers, 'energie-zorgen');
  if (energyWorries !== undefined) h.energyWorries = energyWorries;

  const verzekering = value(answers, 'zorgverzekering');
  if (
    typeof verzekering === 'string' &&
    (HEALTH_INSURANCE as readonly string[]).includes(verzekering)
  ) {
    h.healthInsurance = verzekering as HealthInsurance;
    // The Gemeentepolis is the collective insurance for minima: who has it need not apply again.
    if (verzekering === 'gemeentepolis') receives.add('collectieve-zorgverzekering-minima');
  }
  if (receives.size > 0) h.receives = [...receives];

  // The answers were validated field by field; this keeps the household within the engine's contract.
  const parsed = householdSchema.safeParse(h);
  return parsed.success ? parsed.data : dropInvalid(h);
}

/** Keep what the schema accepts when one part is off (e.g. two aanvragers in old data). */
function dropInvalid(h: Household): Household {
  const { members: _members, ...rest } = h;
  const parsed = householdSchema.safeParse(rest);
  return parsed.success ? parsed.data : {};
}
