import { candidateProblem, clashProblem } from './responsibility-rules';
import { pastInstant } from './responsibilities.service';

describe('who may be responsible', () => {
  const user = { id: 'u', username: 'zhang', role: 'official' as const, disabled: false };

  it('accepts an enabled official, manager or admin', () => {
    expect(candidateProblem(user)).toBeNull();
    expect(candidateProblem({ ...user, role: 'manager' })).toBeNull();
    expect(candidateProblem({ ...user, role: 'admin' })).toBeNull();
  });

  it('refuses nobody, a disabled user and a handler, saying why', () => {
    expect(candidateProblem(undefined)).toBe('no such user');
    expect(candidateProblem({ ...user, disabled: true })).toMatch(/disabled/);
    expect(candidateProblem({ ...user, role: 'handler' })).toMatch(/handler/);
  });
});

describe('clashes with recorded responsibilities', () => {
  const ended = new Date('2025-03-01T00:00:00Z');

  it('lets a responsibility start when nothing is open or ends after its start', () => {
    expect(clashProblem([], 'official')).toBeNull();
    expect(clashProblem([], 'leader')).toBeNull();
  });

  it('names the same person’s open or later-ending responsibility first', () => {
    expect(clashProblem([{ kind: 'official', sameUser: true, endsAt: null }], 'official')).toMatch(/already answers/);
    expect(clashProblem([{ kind: 'official', sameUser: true, endsAt: ended }], 'leader')).toMatch(
      /until 2025-03-01T00:00:00.000Z/,
    );
  });

  it('refuses a second leader but not an official beside a leader', () => {
    expect(clashProblem([{ kind: 'leader', sameUser: false, endsAt: null }], 'leader')).toMatch(
      /already has a responsible leader/,
    );
    expect(clashProblem([{ kind: 'leader', sameUser: false, endsAt: ended }], 'leader')).toMatch(/another leader/);
    expect(clashProblem([{ kind: 'leader', sameUser: false, endsAt: null }], 'official')).toBeNull();
  });
});

describe('instants sent by a client', () => {
  const now = new Date('2026-01-10T08:00:00Z');

  it('defaults to now, keeps a past instant and clamps a little clock skew to now', () => {
    expect(pastInstant('at', undefined, now)).toBe(now);
    expect(pastInstant('at', '2026-01-01T00:00:00Z', now).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pastInstant('at', '2026-01-10T08:00:30Z', now)).toBe(now);
  });

  it('refuses the future, naming the field', () => {
    expect(() => pastInstant('startsAt', '2026-01-11T00:00:00Z', now)).toThrow(/startsAt may not be in the future/);
  });
});
