/** How the enterprise judged a resolution when a manager verified it (满意度). */
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** Counted as satisfied by the satisfaction rate (满意率); a verification with one of these closes the problem. */
export const SATISFIED: readonly Satisfaction[] = ['satisfied', 'basically_satisfied'];
