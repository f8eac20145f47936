import { z } from 'zod';

/**
 * A household as the bestaanszekerheidscheck collects it. Every field is optional: a worker and a
 * resident often stop halfway, skip a question or "willen het niet zeggen". The engine must read a
 * missing field as "onbekend", never as zero, so that a skipped income question gives "misschien"
 * instead of a false "waarschijnlijk recht".
 *
 * Messages are Dutch B1 because the form shows them next to the field.
 */

export const MSG = {
  number: 'Vul een getal in.',
  amount: 'Vul een bedrag van 0 of meer in.',
  amountTooHigh: 'Dit bedrag is te hoog. Kijk het bedrag nog eens na.',
  age: 'Vul een leeftijd in tussen 0 en 120 jaar.',
  ageWhole: 'Vul de leeftijd in hele jaren in.',
  oneAanvrager: 'Er kan maar één aanvrager zijn.',
  onePartner: 'Er kan maar één partner zijn.',
  gemeente: 'Vul de naam van de gemeente in.',
} as const;

/** A sanity cap, so that a typo like 150000 per maand is caught at the field and not stored. */
const MAX_AMOUNT = 10_000_000;

/** Euro amount: a finite number, 0 or more. Text in a number field fails with "Vul een getal in." */
export const moneySchema = z
  .number({ error: MSG.number })
  .min(0, { error: MSG.amount })
  .max(MAX_AMOUNT, { error: MSG.amountTooHigh });

export const ageSchema = z
  .number({ error: MSG.number })
  .int({ error: MSG.ageWhole })
  .min(0, { error: MSG.age })
  .max(120, { error: MSG.age });

export const MEMBER_ROLES = ['aanvrager', 'partner', 'kind', 'overig'] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Uitkeringen: an income source of one of these types is also an uitkering. */
export const UITKERING_TYPES = [
  'bijstand',
  'ww',
  'wia-wao',
  'wajong',
  'ziektewet',
  'aow',
  'anw',
  'ioaw-ioaz',
] as const;
export const uitkeringTypeSchema = z.enum(UITKERING_TYPES);
export type UitkeringType = z.infer<typeof uitkeringTypeSchema>;

export const INCOME_TYPES = [
  'loon',
  'zelfstandig',
  ...UITKERING_TYPES,
  'pensioen',
  'alimentatie-partner',
  'alimentatie-kind',
  'studiefinanciering',
  'kinderbijslag',
  'kindgebonden-budget',
  'huurtoeslag',
  'zorgtoeslag',
  'kinderopvangtoeslag',
  'overig',
] as const;
export const incomeTypeSchema = z.enum(INCOME_TYPES);
export type IncomeType = z.infer<typeof incomeTypeSchema>;

export const incomeSourceSchema = z
  .object({
    type: incomeTypeSchema,
    /** Net per month; absent = the resident does not know or did not say. */
    netMonthly: moneySchema.optional(),
  })
  .strict();
export type IncomeSource = z.infer<typeof incomeSourceSchema>;

export const memberSchema = z
  .object({
    /** A local id so answers can point at a member; not a name. */
    id: z.string().min(1).optional(),
    role: memberRoleSchema,
    age: ageSchema.optional(),
    /** Absent = not asked or not answered; [] = this person has no income. */
    incomes: z.array(incomeSourceSchema).optional(),
  })
  .strict();
export type Member = z.infer<typeof memberSchema>;

export const HOUSING_TYPES = [
  'huur-sociaal',
  'huur-vrij',
  'koop',
  'kamer',
  'inwonend',
  'opvang',
  'dakloos',
  'anders',
] as const;
export const housingTypeSchema = z.enum(HOUSING_TYPES);
export type HousingType = z.infer<typeof housingTypeSchema>;

export const HEALTH_INSURANCE = ['gemeentepolis', 'andere-verzekering', 'niet-verzekerd'] as const;
export const healthInsuranceSchema = z.enum(HEALTH_INSURANCE);
export type HealthInsurance = z.infer<typeof healthInsuranceSchema>;

const regelingId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const householdSchema = z
  .object({
    members: z.array(memberSchema).optional(),
    /** Municipality of residence, as a name ("Dordrecht"). */
    gemeente: z.string({ error: MSG.gemeente }).trim().min(1, { error: MSG.gemeente }).optional(),
    /** Savings and other vermogen, without the equity in an own home and without a car. */
    savings: moneySchema.optional(),
    /** A car counts as vermogen (Participatiewet art. 34), unless it is needed, e.g. for work. */
    hasCar: z.boolean().optional(),
    /** What the car would fetch when sold today. */
    carValue: moneySchema.optional(),
    /**
     * Whether the monthly amounts include vakantiegeld. Payslips and most uitkeringen pay it apart
     * (in May) while the bijstandsnormen include it, so `false` adds the legal share.
     */
    vakantiegeldIncluded: z.boolean().optional(),
    /** A low income for 12 months or longer: the persoonlijk minimabudget looks back a year. */
    lowIncomeLongTerm: z.boolean().optional(),
    /** Illness or a handicap keeps the person from (fully) working, e.g. next to a study. */
    illnessLimitsWork: z.boolean().optional(),
    /** Aanvrager or partner gets less than the full AOW (years outside the Netherlands). */
    aowIncomplete: z.boolean().optional(),
    fixedCostsMonthly: moneySchema.optional(),
    housing: housingTypeSchema.optional(),
    rentMonthly: moneySchema.optional(),
    mortgageMonthly: moneySchema.optional(),
    energyCostsMonthly: moneySchema.optional(),
    /** Uitkeringen named directly; income sources of an uitkering type count as well. */
    uitkering: z.array(uitkeringTypeSchema).optional(),
    hasDebts: z.boolean().optional(),
    hasArrears: z.boolean().optional(),
    debtAmount: moneySchema.optional(),
    healthInsurance: healthInsuranceSchema.optional(),
    usesKinderopvang: z.boolean().optional(),
    /** Costs that are "bijzonder en noodzakelijk" (tandarts, bril, inrichting …): the door to bijzondere bijstand. */
    hasSpecialCosts: z.boolean().optional(),
    energyWorries: z.boolean().optional(),
    moneyWorries: z.boolean().optional(),
    /** Regeling ids the household already gets, so the outcome does not send them to apply again. */
    receives: z.array(regelingId).optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    const members = h.members ?? [];
    if (members.filter((m) => m.role === 'aanvrager').length > 1) {
      ctx.addIssue({ code: 'custom', message: MSG.oneAanvrager, path: ['members'] });
    }
    if (members.filter((m) => m.role === 'partner').length > 1) {
      ctx.addIssue({ code: 'custom', message: MSG.onePartner, path: ['members'] });
    }
  });
export type Household = z.infer<typeof householdSchema>;

/**
 * The household fields the engine can find missing. The check maps its questions onto these, so a
 * "misschien" can send the worker straight to the question that is still open.
 */
export const HOUSEHOLD_FIELDS = [
  'members',
  'member-ages',
  'incomes',
  'savings',
  'housing',
  'rent',
  'uitkering',
  'gemeente',
  'debts',
  'health-insurance',
  'kinderopvang',
  'special-costs',
  'energy-worries',
  'money-worries',
  'car',
  'vakantiegeld',
  'low-income-long-term',
  'illness',
  'aow-incomplete',
] as const;
export const householdFieldSchema = z.enum(HOUSEHOLD_FIELDS);
export type HouseholdField = z.infer<typeof householdFieldSchema>;

export const HOUSEHOLD_TYPES = [
  'alleenstaande',
  'alleenstaande-ouder',
  'paar',
  'paar-met-kinderen',
] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

export const AGE_BANDS = ['onder-18', '18-20', '21-aow', 'aow', 'gemengd'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What the engine derives from the members list; `undefined` means "not known from the answers". */
export interface HouseholdProfile {
  type: HouseholdType | undefined;
  /** Age band of the aanvrager and partner together; `gemengd` when they fall in different bands. */
  ageBand: AgeBand | undefined;
  pensioengerechtigd: boolean | undefined;
  childrenUnder18: number | undefined;
  /** Adults (21+) other than aanvrager and partner: the kostendelersnorm may apply. */
  otherAdults21Plus: number | undefined;
}

function ageBandOf(age: number, aowAge: number): AgeBand {
  if (age < 18) return 'onder-18';
  if (age < 21) return '18-20';
  if (age < aowAge) return '21-aow';
  return 'aow';
}

/** The household type and age band follow from the members list, so the form never asks for them. */
export function deriveHouseholdProfile(household: Household, aowAge: number): HouseholdProfile {
  const members = household.members;
  if (members === undefined) {
    return {
      type: undefined,
      ageBand: undefined,
      pensioengerechtigd: undefined,
      childrenUnder18: undefined,
      otherAdults21Plus: undefined,
    };
  }
  const adults = members.filter((m) => m.role === 'aanvrager' || m.role === 'partner');
  const hasPartner = members.some((m) => m.role === 'partner');
  const kids = members.filter((m) => m.role === 'kind');
  // A child of unknown age leaves "ouder of niet" open only if no other child is known to be a minor.
  const minorKids = kids.filter((m) => m.age !== undefined && m.age < 18).length;
  const unknownAgeKids = kids.filter((m) => m.age === undefined).length;
  const childrenUnder18 = unknownAgeKids > 0 && minorKids === 0 ? undefined : minorKids;

  let type: HouseholdType | undefined;
  if (childrenUnder18 === undefined) type = undefined;
  else if (hasPartner) type = childrenUnder18 > 0 ? 'paar-met-kinderen' : 'paar';
  else type = childrenUnder18 > 0 ? 'alleenstaande-ouder' : 'alleenstaande';

  const adultAges = adults.map((m) => m.age);
  let ageBand: AgeBand | undefined;
  if (adults.length > 0 && adultAges.every((a): a is number => a !== undefined)) {
    const bands = new Set(adultAges.map((a) => ageBandOf(a, aowAge)));
    ageBand = bands.size === 1 ? [...bands][0] : 'gemengd';
  }

  const others = members.filter(
    (m) => m.role === 'overig' || (m.role === 'kind' && (m.age === undefined || m.age >= 18)),
  );
  const otherAdults21Plus = others.some((m) => m.age === undefined)
    ? undefined
    : others.filter((m) => m.age !== undefined && m.age >= 21).length;

  return {
    type,
    ageBand,
    pensioengerechtigd:
      ageBand === undefined
        ? undefined
        : ageBand === 'aow'
          ? true
          : ageBand !== 'gemengd'
            ? false
            : undefined,
    childrenUnder18,
    otherAdults21Plus,
  };
}
