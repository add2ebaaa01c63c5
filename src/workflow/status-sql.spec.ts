import { OPEN_SQL } from '../problems/problem-response';
import { STATE_AS_OF } from '../reports/resolution-rate.sql';
import { WEEKLY_SUMMARY } from '../reports/weekly/weekly.sql';
import { currentWarningsCte } from '../warnings/warnings.sql';
import { verifiedFigures } from '../reports/figures.sql';
import { SATISFACTIONS, SATISFIED } from './satisfactions';
import { OPEN_SQL_LIST, RESOLVED_SQL_LIST, SATISFIED_SQL_LIST, sqlList, sqlLiteral, WITHDRAWN_SQL } from './status-sql';
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUSES, WITH_DEPARTMENT_STATUSES, WITHDRAWN_STATUS } from './statuses';

describe('status vocabulary', () => {
  it('splits the statuses into open, resolved and withdrawn, each status in exactly one set', () => {
    const sets = [...OPEN_STATUSES, ...RESOLVED_STATUSES, WITHDRAWN_STATUS];
    expect([...sets].sort()).toEqual([...STATUSES].sort());
    expect(OPEN_STATUSES).toEqual(['reported', 'assigned', 'in_progress']);
    expect(RESOLVED_STATUSES).toEqual(['resolved', 'closed']);
    expect(WITH_DEPARTMENT_STATUSES.every((status) => OPEN_STATUSES.includes(status))).toBe(true);
  });

  it('writes the SQL lists from the constants', () => {
    expect(sqlList(['resolved', 'closed'])).toBe(`'resolved', 'closed'`);
    expect(RESOLVED_SQL_LIST).toBe(RESOLVED_STATUSES.map((s) => `'${s}'`).join(', '));
    expect(OPEN_SQL_LIST).toBe(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));
    expect(WITHDRAWN_SQL).toBe(`'${WITHDRAWN_STATUS}'`);
    expect(sqlLiteral('in_progress')).toBe(`'in_progress'`);
  });

  it('refuses to quote anything but a status code', () => {
    expect(() => sqlLiteral(`x'; DROP TABLE problems; --` as never)).toThrow('not a status code');
    // Anything before or after a code is refused too, not only a bad ending.
    expect(() => sqlLiteral(`x' OR 'a' = 'a' OR status = 'closed` as never)).toThrow('not a status code');
    expect(() => sqlLiteral(`closed'; --` as never)).toThrow('not a status code');
  });

  it('puts the same sets into the fragments the lists and reports run', () => {
    expect(OPEN_SQL).toBe(
      `p.status NOT IN (${[...RESOLVED_STATUSES, WITHDRAWN_STATUS].map((s) => `'${s}'`).join(', ')})`,
    );
    expect(STATE_AS_OF).toContain(`status IN (${RESOLVED_SQL_LIST}) AS is_resolved`);
    expect(STATE_AS_OF).toContain(`WHERE status <> ${WITHDRAWN_SQL}`);
    expect(WEEKLY_SUMMARY).toContain(`WHERE status IN (${OPEN_SQL_LIST})`);
    const warnings = currentWarningsCte({
      now: '$1',
      timezone: '$2',
      dueSoonWorkingDays: '$3',
      staleDays: '$4',
      withEnterprises: 'true',
      withUnassigned: 'true',
      problemScope: 'true',
      enterpriseScope: 'true',
      idleNotVisitedDays: '$6',
      projectScope: 'true',
    });
    expect(warnings).toContain(`WHERE ${OPEN_SQL} AND true`);
  });

  it('counts the satisfied verifications by the same set the workflow closes on', () => {
    expect(SATISFIED.every((s) => SATISFACTIONS.includes(s))).toBe(true);
    expect(SATISFIED_SQL_LIST).toBe(`'satisfied', 'basically_satisfied'`);
    expect(verifiedFigures('key')).toContain(`data->>'satisfaction' IN (${SATISFIED_SQL_LIST})`);
  });
});
