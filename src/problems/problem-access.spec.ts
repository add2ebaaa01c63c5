import type { AuthUser } from '../access/auth-user';
import type { Role } from '../access/role';
import { SqlParams } from '../common/sql';
import { visibleProblems } from './problem-access';

const user = (role: Role, departmentId: string | null = null): AuthUser => ({
  id: 'user-1',
  username: `${role}-1`,
  displayName: role,
  role,
  departmentId,
});

describe('problem access: which problems a user sees', () => {
  it.each(['admin', 'manager', 'official'] as const)('a %s sees every problem, with no parameter', (role) => {
    const params = new SqlParams();
    expect(visibleProblems(user(role, 'dept-a'), params)).toBe('TRUE');
    expect(params.values).toEqual([]);
  });

  it('a handler sees the problems their department leads or assists on (current part, open or done), as a parameter', () => {
    const params = new SqlParams();
    params.add('before');
    const sql = visibleProblems(user('handler', 'dept-a'), params);
    expect(sql).toMatch(/^\(p\.department_id = \$2::uuid OR p\.id = ANY \(ARRAY\(/);
    expect(sql).toContain(`pa.department_id = $2::uuid AND pa.current AND pa.status <> 'cancelled'`);
    expect(params.values).toEqual(['before', 'dept-a']);
  });

  it("in a list (the handler's queue), only open assisting parts count", () => {
    const params = new SqlParams();
    const sql = visibleProblems(user('handler', 'dept-a'), params, 'p', 'queue');
    expect(sql).toContain(`pa.department_id = $1::uuid AND pa.status = 'open'`);
    expect(params.values).toEqual(['dept-a']);
  });

  it('names the alias it is given', () => {
    const params = new SqlParams();
    expect(visibleProblems(user('handler', 'dept-b'), params, 'x')).toMatch(
      /^\(x\.department_id = \$1::uuid OR x\.id = ANY/,
    );
    expect(params.values).toEqual(['dept-b']);
  });
});
