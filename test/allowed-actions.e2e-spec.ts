import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/** GET /problems/:id and every action's answer say which actions the caller may take now. */
describe('allowedActions on a problem', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let handler: TestUser;
  let problem: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    official = await f.user('official');
    const department = await f.department();
    handler = await f.user('handler', department.id);
    const enterprise = await f.enterprise(official);
    problem = await f.problem(official, enterprise.id);
    await t
      .http()
      .post(`/api/v1/problems/${problem.id}/assign`)
      .set(manager.auth)
      .set('If-Match', '"1"')
      .send({ departmentId: department.id, dueAt: inDays(10) })
      .expect(200);
  });
  afterAll(() => t.close());

  const allowed = async (user: TestUser) =>
    (await t.http().get(`/api/v1/problems/${problem.id}`).set(user.auth).expect(200)).body.allowedActions;

  it('follows the transition table and the role', async () => {
    expect(await allowed(manager)).toEqual([
      'assign',
      'accept',
      'progress',
      'resolve',
      'return',
      'withdraw',
      'escalate',
      'request_extension',
      'approve_extension',
      'refuse_extension',
    ]);
    expect(await allowed(handler)).toEqual(['accept', 'progress', 'resolve', 'return', 'request_extension']);
    expect(await allowed(official)).toEqual([]);
  });

  it('comes with an action’s answer, for the state it left', async () => {
    const res = await t
      .http()
      .post(`/api/v1/problems/${problem.id}/accept`)
      .set(handler.auth)
      .set('If-Match', '"2"')
      .send({})
      .expect(200);
    expect(res.body.status).toBe('in_progress');
    expect(res.body.allowedActions).toEqual(['progress', 'resolve', 'return', 'request_extension']);
  });
});
