import { rows } from '../src/common/sql';
import { STATUSES, WITH_DEPARTMENT_STATUSES } from '../src/workflow/statuses';
import { createTestApp, TestApp } from './support/test-app';

/** The status literals of a constraint's definition, in order. */
const literals = (definition: string) => [...definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]);

/**
 * The database checks the statuses too (problems.status has a CHECK). A status added in
 * src/workflow without a migration that widens it fails here, not on the first write.
 */
describe('status vocabulary in the schema', () => {
  let t: TestApp;
  let checks: string[];

  beforeAll(async () => {
    t = await createTestApp();
    checks = (
      await rows<{ definition: string }>(
        t.db,
        `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE conrelid = 'problems'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'`,
      )
    ).map((row) => row.definition);
  });

  afterAll(() => t.close());

  it('allows exactly the statuses of src/workflow', () => {
    const allowed = checks.filter((definition) => !definition.includes('department_id'));
    expect(allowed).toHaveLength(1);
    expect(literals(allowed[0]!).sort()).toEqual([...STATUSES].sort());
  });

  it('requires a department in exactly the statuses that have one', () => {
    const withDepartment = checks.filter((definition) => definition.includes('department_id'));
    expect(withDepartment).toHaveLength(1);
    expect(literals(withDepartment[0]!).sort()).toEqual([...WITH_DEPARTMENT_STATUSES].sort());
  });
});
