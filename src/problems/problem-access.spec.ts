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

  it('a handler sees only the problems of their own department, as a parameter', () => {
    const params = new SqlParams();
    params.add('before');
    expect(visibleProblems(user('handler', 'dept-a'), params)).toBe('p.department_id = $2::uuid');
    expect(params.values).toEqual(['before', 'dept-a']);
  });

  it('names the alias it is given', () => {
    const params = new SqlParams();
    expect(visibleProblems(user('handler', 'dept-b'), params, 'x')).toBe('x.department_id = $1::uuid');
    expect(params.values).toEqual(['dept-b']);
  });
});
