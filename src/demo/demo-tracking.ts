import type { Problem } from './demo-problems';

/** Every this many problems (by the number in their code), the last verification is the enterprise's own. */
const ENTERPRISE_RATES_EVERY = 6;

/**
 * The enterprise's own ratings in the demo (issue 16): for every sixth problem by its number, the
 * last verification becomes the enterprise's rating from its tracking page, as
 * ProblemsService.rateAsEnterprise records it (no user, `data.source = 'enterprise'`). The same
 * satisfaction at the same instant, so no status, no event count and no published figure
 * changes; only the satisfaction figures' `fromEnterprise` / `fromManager` split shows it.
 * Tracking links are not made here: a token is shown only to whoever asks for the link (see the
 * README), and the loader holds no secret to seal one with.
 */
export function markEnterpriseRatings(problems: Problem[]): void {
  for (const problem of problems) {
    if (Number(problem.code.slice(-4)) % ENTERPRISE_RATES_EVERY !== 0) continue;
    const verifies = problem.timeline.events.filter((event) => event.type === 'verify');
    const last = verifies[verifies.length - 1];
    if (!last) continue;
    last.actorId = null;
    last.data = { ...last.data, source: 'enterprise' };
  }
}
