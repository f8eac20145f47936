import type { Household } from '../eligibility/household-schema';
import type { Doelgroep } from './take-up';

/** Jongeren as the programme counts them: 18 to 27 (domain.md §3.4, "jongeren 18–27"). */
const YOUNG = { from: 18, to: 27 } as const;

/**
 * Which target groups a check reached, from the household the answers describe: the applicant's
 * age and whether anyone earns from work. Unknown answers put the check in no group.
 */
export function doelgroepenOf(household: Household, aowAge: number): Doelgroep[] {
  const applicant = household.members?.find((m) => m.role === 'aanvrager');
  const groups: Doelgroep[] = [];
  const age = applicant?.age;
  if (age !== undefined && age >= YOUNG.from && age <= YOUNG.to) groups.push('jongere');
  const works = (household.members ?? []).some((m) =>
    (m.incomes ?? []).some((i) => i.type === 'loon' || i.type === 'zelfstandig'),
  );
  if (works) groups.push('werkende');
  if (age !== undefined && age >= aowAge) groups.push('oudere');
  return groups;
}
