import type { HelpTopic } from '../catalogue/schema';
import type { ReferralId } from '../check/question-schema';

/**
 * What each referral of the check asks help with. The places themselves come from the directory
 * (ordered "dichtbij" for the resident's wijk), so a new partner in the catalogue shows up without
 * a code change.
 */
export const REFERRAL_TOPICS: Record<ReferralId, readonly HelpTopic[]> = {
  schuldhulpverlening: ['schulden'],
  budgetcoach: ['geldzaken'],
  'sociaal-wijkteam': ['geldzaken', 'zorg', 'jeugd', 'wonen'],
  clientondersteuning: ['clientondersteuning'],
  'werkcentrum-drechtsteden': ['werk'],
  energiehulp: ['energie'],
};

/** The help a regeling's detail page proposes: a place that helps apply, nearest first. */
export const APPLY_HELP_TOPICS: readonly HelpTopic[] = ['regelingen'];
