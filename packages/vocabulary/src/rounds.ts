/** The kinds of question an input round asks. */
export const questionKinds = [
  'long_text',
  'short_text',
  'single_choice',
  'multiple_choice',
  'scale',
  'number',
] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** A round's stored status. */
export const roundStatuses = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** A round's status now: an open round before it opens is `scheduled`, past its deadline `closed`. */
export const effectiveRoundStatuses = ['draft', 'scheduled', 'open', 'closed'] as const;
export type EffectiveRoundStatus = (typeof effectiveRoundStatuses)[number];

/** Who may answer a round: anyone with the link, or invited actors only. */
export const roundVisibilities = ['public', 'invitation'] as const;
export type RoundVisibility = (typeof roundVisibilities)[number];

/** What happens to an answer after the deadline. */
export const roundLatePolicies = ['accept_flagged', 'refuse'] as const;
export type RoundLatePolicy = (typeof roundLatePolicies)[number];
