import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { NotificationsService } from '../src/notifications/notifications.service';
import { Factory, inDays, type TestUser } from './factories';
import { countRows } from './factories/more';
import {
  dingtalkReceiver,
  HttpReceiver,
  SmtpReceiver,
  until,
  webhookReceiver,
  wecomReceiver,
} from './support/receivers';
import { ADMIN, createTestApp, dropTestDatabase, type TestApp } from './support/test-app';

/*
 * Notifications against real local receivers: a WeCom robot, a DingTalk robot with its signed
 * requests, a signed webhook and an SMTP server. Each receiver checks the format it is sent and
 * refuses anything else, so a message counted here arrived in the right shape.
 */

const WECOM_KEY = 'wecom-key-6b1d2f0e-1234';
const DING_TOKEN = 'ding-access-token-9a8b7c';
const DING_SECRET = 'SECd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0';
const HOOK_SECRET = 'webhook-hmac-secret-0f9e8d7c6b5a';

describe('notifications delivered reliably', () => {
  let t: TestApp;
  let f: Factory;
  let env: Record<string, string>;
  let second: INestApplication | undefined;
  let manager: TestUser;
  let handlers: TestUser[];
  let otherHandler: TestUser;
  let department: { id: string };
  let enterpriseId: string;
  const wecom = wecomReceiver(WECOM_KEY);
  const dingtalk = dingtalkReceiver(DING_TOKEN, DING_SECRET);
  const webhook = webhookReceiver(HOOK_SECRET);
  const smtp = new SmtpReceiver();
  let channelIds: Record<string, string> = {};

  const admin = () => f.admin();
  /** Messages that name this problem code, per receiver. */
  const about = (receiver: HttpReceiver, code: string) => receiver.received.filter((r) => r.raw.includes(code)).length;
  const mailsAbout = (code: string, to?: string) =>
    smtp.received.filter((m) => m.raw.includes(code) && (to === undefined || m.to.includes(to))).length;

  async function assignedProblem(title = '用电报装进度慢') {
    const problem = await f.problem(manager, enterpriseId, { title });
    const res = await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 1);
    expect(res.status).toBe(200);
    return problem;
  }

  async function allDelivered(code: string, mails = 2) {
    await until(
      () =>
        about(wecom, code) >= 1 && about(dingtalk, code) >= 1 && about(webhook, code) >= 1 && mailsAbout(code) >= mails,
      30_000,
      `every channel to receive ${code}`,
    );
  }

  beforeAll(async () => {
    await Promise.all([wecom.start(), dingtalk.start(), webhook.start(), smtp.start()]);
    env = {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'outreach@jiuquan.test',
      PUBLIC_URL: 'https://outreach.jiuquan.test',
      NOTIFICATION_RETRY_BASE_MS: '100',
      NOTIFICATION_POLL_MS: '100',
      NOTIFICATION_MAX_ATTEMPTS: '5',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    };
    t = await createTestApp(env);
    f = new Factory(t);
    department = await f.department('市工信局(通知)');
    handlers = [await f.user('handler', department.id), await f.user('handler', department.id)];
    otherHandler = await f.user('handler', (await f.department()).id);
    manager = await f.user('manager');
    enterpriseId = (await f.enterprise(manager)).id;

    const channels = [
      { kind: 'wecom', name: '工信局企业微信群', departmentId: department.id, target: `${wecom.url}?key=${WECOM_KEY}` },
      {
        kind: 'dingtalk',
        name: '工信局钉钉群',
        departmentId: department.id,
        target: `${dingtalk.url}?access_token=${DING_TOKEN}`,
        secret: DING_SECRET,
      },
      { kind: 'webhook', name: '市12345平台', departmentId: department.id, target: webhook.url, secret: HOOK_SECRET },
      { kind: 'email', name: '经办人邮箱1', userId: handlers[0]!.id, target: 'handler1@jiuquan.test' },
      { kind: 'email', name: '经办人邮箱2', userId: handlers[1]!.id, target: 'handler2@jiuquan.test' },
    ];
    for (const channel of channels) {
      const res = await t
        .http()
        .post('/api/v1/admin/notification-channels')
        .set(await admin())
        .send(channel);
      expect(res.status).toBe(201);
      channelIds = { ...channelIds, [channel.name]: res.body.id };
    }
  });

  afterAll(async () => {
    await second?.close();
    await t?.close();
    await Promise.all([wecom.stop(), dingtalk.stop(), webhook.stop(), smtp.stop()]);
  });

  it('never answers a secret: robots keys, tokens and signing secrets are write-only', async () => {
    const list = await t
      .http()
      .get('/api/v1/admin/notification-channels')
      .set(await admin())
      .expect(200);
    expect(list.body.items).toHaveLength(5);
    const text = JSON.stringify(list.body);
    for (const secret of [WECOM_KEY, DING_TOKEN, DING_SECRET, HOOK_SECRET]) expect(text).not.toContain(secret);
    const ding = list.body.items.find((c: { kind: string }) => c.kind === 'dingtalk');
    expect(ding).toMatchObject({ hasToken: true, hasSecret: true, target: dingtalk.url });
    expect(ding).not.toHaveProperty('secret');
    expect(ding).not.toHaveProperty('token');

    const patched = await t
      .http()
      .patch(`/api/v1/admin/notification-channels/${ding.id}`)
      .set(await admin())
      .send({ name: '工信局钉钉群(改)', secret: DING_SECRET })
      .expect(200);
    expect(JSON.stringify(patched.body)).not.toContain(DING_SECRET);
    expect(patched.body).toMatchObject({ name: '工信局钉钉群(改)', hasSecret: true, hasToken: true });
    // Nothing a handler may read either: the admin routes are the admin's.
    await t.http().get('/api/v1/admin/notification-channels').set(handlers[0]!.auth).expect(403);
  });

  it("an assignment notifies the department's handlers once: inbox rows and one message at each receiver", async () => {
    const problem = await assignedProblem('供电线路迁改');
    await allDelivered(problem.code);

    for (const handler of handlers) {
      const inbox = await t.http().get('/api/v1/notifications').set(handler.auth).expect(200);
      const items = inbox.body.items.filter((i: { problemId?: string }) => i.problemId === problem.id);
      expect(items).toEqual([
        {
          id: expect.any(String),
          type: 'assigned',
          problemId: problem.id,
          title: expect.stringContaining(problem.code),
          at: expect.any(String),
          readAt: null,
        },
      ]);
      expect(inbox.body.unreadCount).toBeGreaterThanOrEqual(1);
    }
    // Another department's handler and the manager who assigned hear nothing.
    const other = await t.http().get('/api/v1/notifications').set(otherHandler.auth).expect(200);
    expect(other.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect(await countRows(t, 'notifications', 'problem_id = $1', [problem.id])).toBe(2);

    // The messages: Chinese, with the link to the problem's page; each receiver got exactly one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([about(wecom, problem.code), about(dingtalk, problem.code), about(webhook, problem.code)]).toEqual([
      1, 1, 1,
    ]);
    expect(mailsAbout(problem.code, 'handler1@jiuquan.test')).toBe(1);
    expect(mailsAbout(problem.code, 'handler2@jiuquan.test')).toBe(1);
    const wecomMessage = wecom.received.find((r) => r.raw.includes(problem.code))!;
    const content = (wecomMessage.body.markdown as { content: string }).content;
    expect(content).toContain('新交办');
    expect(content).toContain(`https://outreach.jiuquan.test/problems/${problem.id}`);
    expect(wecom.refused).toEqual([]);
    expect(dingtalk.refused).toEqual([]);
    expect(webhook.refused).toEqual([]);
    const mail = smtp.received.find((m) => m.raw.includes(problem.code))!;
    expect(mail.from).toBe('outreach@jiuquan.test');

    // Reading: one, then all; another user's notification is 404.
    const mine = (await t.http().get('/api/v1/notifications?unread=true').set(handlers[0]!.auth).expect(200)).body;
    const first = mine.items[0];
    await t.http().post(`/api/v1/notifications/${first.id}/read`).set(handlers[1]!.auth).expect(404);
    const read = await t.http().post(`/api/v1/notifications/${first.id}/read`).set(handlers[0]!.auth).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const after = (await t.http().get('/api/v1/notifications?unread=true').set(handlers[0]!.auth).expect(200)).body;
    expect(after.unreadCount).toBe(mine.unreadCount - 1);
    await t.http().post('/api/v1/notifications/read-all').set(handlers[0]!.auth).expect(200);
    expect((await t.http().get('/api/v1/notifications').set(handlers[0]!.auth).expect(200)).body.unreadCount).toBe(0);
  });

  it('with two instances running on one database, still once', async () => {
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    });
    second = await createApp({ config, databaseUrl: t.databaseUrl, jwtSecret: config.jwtSecret! });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const problem = await f.problem(manager, enterpriseId, { title: `双实例问题${i}` });
      // Half of the changes through the second instance.
      const via = i % 2 === 0 ? t.http() : request(second.getHttpServer());
      await via
        .post(`/api/v1/problems/${problem.id}/assign`)
        .set(manager.auth)
        .set('If-Match', '"1"')
        .send({ departmentId: department.id, dueAt: inDays(10) })
        .expect(200);
      codes.push(problem.code);
    }
    for (const code of codes) await allDelivered(code);
    await new Promise((resolve) => setTimeout(resolve, 800));
    for (const code of codes) {
      expect([about(wecom, code), about(dingtalk, code), about(webhook, code), mailsAbout(code)]).toEqual([1, 1, 1, 2]);
    }
  });

  it('a receiver that fails three times then recovers gets the message exactly once', async () => {
    webhook.failNext = 3;
    const failuresBefore = webhook.failures;
    const problem = await assignedProblem('排污许可办理');
    await until(() => about(webhook, problem.code) === 1, 30_000, 'the webhook to recover');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(about(webhook, problem.code)).toBe(1);
    expect(webhook.failures - failuresBefore).toBe(3);
    const [row] = await t.db.query(
      `SELECT status, attempts, last_error FROM notification_deliveries WHERE problem_id = $1 AND channel_id = $2`,
      [problem.id, channelIds['市12345平台']],
    );
    expect(row).toEqual({ status: 'delivered', attempts: 4, last_error: null });
  });

  it('after the last attempt a delivery lands in the dead-letter list, and an admin can send it again', async () => {
    await t
      .http()
      .patch(`/api/v1/admin/notification-channels/${channelIds['市12345平台']}`)
      .set(await admin())
      .send({ secret: 'a-different-secret-the-receiver-refuses' })
      .expect(200);
    const problem = await assignedProblem('土地证办理');
    await until(
      async () =>
        (
          await t
            .http()
            .get('/api/v1/admin/notification-deliveries?status=failed')
            .set(await admin())
        ).body.items.some((d: { problemId: string }) => d.problemId === problem.id),
      30_000,
      'the dead-letter list',
    );
    const failed = (
      await t
        .http()
        .get('/api/v1/admin/notification-deliveries?status=failed')
        .set(await admin())
        .expect(200)
    ).body.items;
    const dead = failed.find((d: { problemId: string }) => d.problemId === problem.id);
    expect(dead).toMatchObject({
      status: 'failed',
      attempts: 5,
      kind: 'webhook',
      lastError: expect.stringContaining('400'),
    });
    expect(about(webhook, problem.code)).toBe(0);

    await t
      .http()
      .patch(`/api/v1/admin/notification-channels/${channelIds['市12345平台']}`)
      .set(await admin())
      .send({ secret: HOOK_SECRET })
      .expect(200);
    const retried = await t
      .http()
      .post(`/api/v1/admin/notification-deliveries/${dead.id}/retry`)
      .set(await admin())
      .expect(200);
    expect(retried.body.status).toBe('pending');
    await until(() => about(webhook, problem.code) === 1, 30_000, 'the retried delivery');
    // A delivered one is not in the dead-letter list and cannot be retried.
    await t
      .http()
      .post(`/api/v1/admin/notification-deliveries/${dead.id}/retry`)
      .set(await admin())
      .expect(409);
  });

  it('a change rolled back notifies nobody: a stale If-Match, or a failure after the event was written', async () => {
    const problem = await f.problem(manager, enterpriseId, { title: '回滚测试' });
    const before = await countRows(t, 'notifications');
    const stale = await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 7);
    expect(stale.status).toBe(412);

    // A failure inside the transaction after the event and the inbox rows were inserted.
    await t.db.query(`
      CREATE FUNCTION refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure after the event insert'; END $$;
      CREATE TRIGGER refuse_delivery BEFORE INSERT ON notification_deliveries FOR EACH ROW EXECUTE FUNCTION refuse_delivery();
    `);
    try {
      const failed = await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 1);
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await t.db.query(`DROP TRIGGER refuse_delivery ON notification_deliveries; DROP FUNCTION refuse_delivery()`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await countRows(t, 'notifications')).toBe(before);
    expect(await countRows(t, 'notification_deliveries', 'problem_id = $1', [problem.id])).toBe(0);
    expect(await countRows(t, 'problem_events', 'problem_id = $1', [problem.id])).toBe(1);
    const jobs = await t.db.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    expect(jobs[0].n).toBe(0);
    for (const receiver of [wecom, dingtalk, webhook]) expect(about(receiver, problem.code)).toBe(0);
    expect(mailsAbout(problem.code)).toBe(0);
  });

  it('preferences switch a type off on a kind of channel; the inbox stays on', async () => {
    const handler = handlers[1]!;
    const saved = await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(handler.auth)
      .send({ items: [{ type: 'assigned', email: false }] })
      .expect(200);
    expect(saved.body.items.find((i: { type: string }) => i.type === 'assigned')).toMatchObject({
      inbox: true,
      email: false,
      wecom: true,
    });
    await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(handler.auth)
      .send({ items: [{ type: 'no_such_type' }] })
      .expect(400);

    const problem = await assignedProblem('偏好测试');
    await until(() => mailsAbout(problem.code, 'handler1@jiuquan.test') === 1 && about(wecom, problem.code) === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsAbout(problem.code, 'handler2@jiuquan.test')).toBe(0);
    const inbox = await t.http().get('/api/v1/notifications').set(handler.auth).expect(200);
    expect(inbox.body.items.some((i: { problemId?: string }) => i.problemId === problem.id)).toBe(true);
  });

  it('a return tells the managers; a resolution tells the recording official and the managers', async () => {
    const official = await f.user('official');
    const problem = await f.problem(official, enterpriseId, { title: '退回与办结' });
    await f
      .act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 1)
      .then((r) => expect(r.status).toBe(200));
    await f.act(handlers[0]!, problem.id, 'accept', {}).then((r) => expect(r.status).toBe(200));
    await f
      .act(handlers[0]!, problem.id, 'resolve', { resolution: '已协调供电公司完成接电' })
      .then((r) => expect(r.status).toBe(200));
    const types = async (user: TestUser) =>
      (await t.http().get('/api/v1/notifications').set(user.auth).expect(200)).body.items
        .filter((i: { problemId?: string }) => i.problemId === problem.id)
        .map((i: { type: string }) => i.type);
    expect(await types(official)).toEqual(['resolved']);
    expect(await types(manager)).toEqual(['resolved']);
    // The handler who resolved is not told of their own act.
    expect(await types(handlers[0]!)).toEqual(['assigned']);

    const returned = await f.problem(official, enterpriseId, { title: '退回给营商办' });
    await f
      .act(manager, returned.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 1)
      .then((r) => expect(r.status).toBe(200));
    await f
      .act(handlers[1]!, returned.id, 'return', { reason: '不属于本单位职责' })
      .then((r) => expect(r.status).toBe(200));
    const managerItems = (await t.http().get('/api/v1/notifications').set(manager.auth).expect(200)).body.items.filter(
      (i: { problemId?: string }) => i.problemId === returned.id,
    );
    expect(managerItems.map((i: { type: string }) => i.type)).toEqual(['returned']);
    expect(managerItems[0].title).toContain(returned.code);
    const officialItems = (await t.http().get('/api/v1/notifications').set(official.auth).expect(200)).body.items;
    expect(officialItems.some((i: { problemId?: string }) => i.problemId === returned.id)).toBe(false);
  });

  it('the warning scan tells the handlers of a deadline near; the weekly report tells the managers, once a week', async () => {
    const problem = await f.problem(manager, enterpriseId, { title: '临期提醒' });
    await f
      .act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(1) }, 1)
      .then((r) => expect(r.status).toBe(200));
    const scan = await t
      .http()
      .post('/api/v1/warnings/scan')
      .set(await admin())
      .expect(200);
    expect(scan.body.ran).toBe(true);
    const warned = await t.db.query(
      `SELECT user_id, type FROM notifications WHERE problem_id = $1 AND type = 'due_soon' ORDER BY user_id`,
      [problem.id],
    );
    expect(warned.map((row: { user_id: string }) => row.user_id).sort()).toEqual(handlers.map((h) => h.id).sort());
    await until(() => about(wecom, problem.code) === 2, 30_000, 'the assignment and the warning at the robot');
    const text = wecom.received
      .filter((r) => r.raw.includes(problem.code))
      .map((r) => (r.body.markdown as { content: string }).content)
      .join('\n');
    expect(text).toContain('办理临期');
    // A second scan records nothing new and tells nobody again.
    await t
      .http()
      .post('/api/v1/warnings/scan')
      .set(await admin())
      .expect(200);
    expect(await countRows(t, 'notifications', `problem_id = $1 AND type = 'due_soon'`, [problem.id])).toBe(2);

    const notifications = t.app.get(NotificationsService);
    const monday = new Date('2026-03-09T01:00:00Z');
    await t.db.transaction((em) => notifications.weeklyReady(em, monday));
    await t.db.transaction((em) => notifications.weeklyReady(em, monday));
    const weekly = await t.http().get('/api/v1/notifications').set(manager.auth).expect(200);
    const items = weekly.body.items.filter((i: { type: string }) => i.type === 'weekly_ready');
    expect(items).toHaveLength(1);
    expect(items[0].title).toContain('2026-W10');
    expect(items[0]).not.toHaveProperty('problemId');
    expect(await countRows(t, 'notifications', `type = 'weekly_ready' AND user_id = $1`, [handlers[0]!.id])).toBe(0);
  });

  it('a restart between the change and the delivery loses nothing', async () => {
    await second?.close();
    second = undefined;
    // The instance that records the change runs no worker, and stops before anything is sent.
    const quiet = await createTestAppOn(t.databaseUrl, { ...env, NOTIFICATION_WORKERS: '0' });
    await t.app.close();
    const created = await request(quiet.getHttpServer())
      .post('/api/v1/problems')
      .set(manager.auth)
      .send({ enterpriseId, title: '重启测试', category: 'factor_supply' })
      .expect(201);
    await request(quiet.getHttpServer())
      .post(`/api/v1/problems/${created.body.id}/assign`)
      .set(manager.auth)
      .set('If-Match', '"1"')
      .send({ departmentId: department.id, dueAt: inDays(10) })
      .expect(200);
    await quiet.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(about(wecom, created.body.code)).toBe(0);

    // A new instance starts and delivers what was queued.
    const restarted = await createTestAppOn(t.databaseUrl, env);
    // From here on the test's closing closes the restarted app, then drops the database.
    t.close = async () => {
      await restarted.close();
      await dropTestDatabase(t.databaseUrl);
    };
    {
      // handler 2 has switched e-mail off for assignments (the test before): one mail.
      await allDelivered(created.body.code, 1);
      expect([
        about(wecom, created.body.code),
        about(dingtalk, created.body.code),
        mailsAbout(created.body.code),
      ]).toEqual([1, 1, 1]);
    }
  });
});

async function createTestAppOn(databaseUrl: string, env: Record<string, string>): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  return createApp({ config, databaseUrl, jwtSecret: config.jwtSecret! });
}
