import { SATISFIED } from '../workflow/satisfactions';
import { buildDemoData } from './demo-data';
import { DATA_END } from './demo-time';

describe('the demo data set: enterprise ratings', () => {
  const { problems } = buildDemoData(DATA_END);
  const verifies = problems.flatMap((p) => p.timeline.events.filter((e) => e.type === 'verify').map((e) => ({ p, e })));
  const byEnterprise = verifies.filter(({ e }) => e.data.source === 'enterprise');

  it('holds some enterprise ratings, recorded without a user, and managers’ verifications beside them', () => {
    expect(byEnterprise.length).toBeGreaterThan(10);
    expect(byEnterprise.length).toBeLessThan(verifies.length / 3);
    for (const { e } of byEnterprise) expect(e.actorId).toBeNull();
    for (const { e } of verifies.filter(({ e }) => e.data.source !== 'enterprise')) expect(e.actorId).not.toBeNull();
  });

  it('an enterprise rating is each problem’s last verification, and moved the status as any verification does', () => {
    for (const { p, e } of byEnterprise) {
      const own = p.timeline.events.filter((event) => event.type === 'verify');
      expect(own[own.length - 1]).toBe(e);
      const satisfied = SATISFIED.includes(e.data.satisfaction as (typeof SATISFIED)[number]);
      expect(e.toStatus).toBe(satisfied ? 'closed' : 'in_progress');
    }
  });
});
