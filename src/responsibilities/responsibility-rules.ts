import type { Role } from '../access/role';
import type { ResponsibilityKind } from '../enterprises/tiers';
import type { CandidateRow, ClashRow } from './responsibilities.repository';

/** The roles that may answer for an enterprise: officials, and managers and admins who visit too. */
export const MAY_BE_RESPONSIBLE: readonly Role[] = ['official', 'manager', 'admin'];

/** How far ahead of the server's clock a client's "now" may be (clocks differ a little). */
export const CLOCK_SKEW_MS = 60_000;

/** Why this user may not answer for an enterprise, or null when they may. */
export function candidateProblem(user: CandidateRow | undefined): string | null {
  if (!user) return 'no such user';
  if (user.disabled) return `user ${user.username} is disabled`;
  if (!MAY_BE_RESPONSIBLE.includes(user.role)) {
    return `user ${user.username} is a ${user.role}: only an official, a manager or an admin may be responsible`;
  }
  return null;
}

/** Why a new responsibility would clash with those recorded, or null when none clashes. */
export function clashProblem(clashes: ClashRow[], kind: ResponsibilityKind): string | null {
  const own = clashes.find((c) => c.sameUser);
  if (own) {
    return own.endsAt === null
      ? 'this person already answers for the enterprise (an open responsibility)'
      : `this person answered for the enterprise until ${own.endsAt.toISOString()}: a new responsibility may not start before that`;
  }
  if (kind === 'leader' && clashes.length > 0) {
    const leader = clashes[0]!;
    return leader.endsAt === null
      ? 'the enterprise already has a responsible leader: end that responsibility first'
      : `another leader answered for the enterprise until ${leader.endsAt.toISOString()}: a new leader may not start before that`;
  }
  return null;
}
