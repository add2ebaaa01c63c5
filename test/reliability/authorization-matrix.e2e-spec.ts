import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import sharp from 'sharp';
import type { Response, Test } from 'supertest';
import { Factory, inDays, TestUser } from '../factories';
import { ADMIN, createTestApp, TestApp } from '../support/test-app';
import { countChanges, ResponseLog, tableCounts, Tally } from './figures';

/**
 * Every endpoint of the OpenAPI document × every caller × every object, against a real database.
 *
 * Callers: admin, manager, official, a handler of department A, a handler of department B, and
 * nobody (no token). Objects, where the route names one: a problem of department A, one of
 * department B, an id that names nothing, and a string that is not an id. Expected: 401 without a
 * token, 403 where the role may not, and for a handler a problem of the other department answers
 * exactly like a missing one (status, headers that matter, body byte for byte). A refused write
 * changes no row count and not the row it named; a successful one is checked in the database.
 * Every response a handler receives is searched for the ids, codes and titles of the other
 * department's problems.
 */

type Who = 'admin' | 'manager' | 'official' | 'handlerA' | 'handlerB' | 'anonymous';
type Role = 'admin' | 'manager' | 'official' | 'handler';
type Obj = 'none' | 'deptA' | 'deptB' | 'existing' | 'missing' | 'malformed';
type Action =
  | 'assign'
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'return'
  | 'verify'
  | 'reopen'
  | 'withdraw'
  | 'escalate'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'lift';
/**
 * `extension_pending`: in progress, with an extension request awaiting a decision; `supervised`:
 * in progress and escalated (a supervision is active).
 */
type State = 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'extension_pending' | 'supervised';

const WHO: Who[] = ['admin', 'manager', 'official', 'handlerA', 'handlerB', 'anonymous'];
const ALL_ROLES: Role[] = ['admin', 'manager', 'official', 'handler'];
const MANAGERS: Role[] = ['admin', 'manager'];
const CREATORS: Role[] = ['official', 'manager', 'admin'];

/** Markers in every title, so a leaked title is found as easily as a leaked id. */
const MARK = { A: '甲部门专属', B: '乙部门专属' } as const;
const MISSING_ID = randomUUID();
const MALFORMED_ID = 'not-a-uuid';

/** The body as text, whatever supertest made of it (a custom parser keeps files as bytes). */
const textOf = (res: Response): string =>
  typeof res.text === 'string'
    ? res.text
    : Buffer.isBuffer(res.body)
      ? res.body.toString('utf8')
      : JSON.stringify(res.body ?? null);

/** The body as JSON when it is JSON, also when a custom parser kept it as bytes. */
const jsonOf = (res: Response): Record<string, unknown> | undefined =>
  Buffer.isBuffer(res.body)
    ? /json/.test(String(res.headers['content-type'] ?? ''))
      ? JSON.parse(res.body.toString('utf8'))
      : undefined
    : res.body;

const roleOf = (who: Who): Role | null =>
  who === 'anonymous' ? null : who === 'handlerA' || who === 'handlerB' ? 'handler' : who;

interface Cell {
  who: Who;
  obj: Obj;
}

/** What a cell prepared: the id in the path, the version for If-Match, anything else the request needs. */
interface Ctx {
  id?: string;
  version?: number;
  dept?: 'A' | 'B';
  data?: Record<string, unknown>;
}

interface Expectation {
  status: number;
  /** The error code of a refusal. */
  code?: string;
  /** For a handler's view of another department's problem: must equal the missing object's response. */
  sameAsMissing?: boolean;
  /** Further checks of a success; answers a mismatch description or null. */
  check?: (res: Response, ctx: Ctx, cell: Cell) => Promise<string | null> | string | null;
}

interface Spec {
  /** `METHOD /api/v1/path/{param}`, exactly as the OpenAPI document writes it. */
  key: string;
  /** A second row for the same endpoint (another filter, another format). */
  variant?: string;
  roles: Role[] | 'public';
  objects: Obj[];
  /** Refusals must leave every row count as it was. */
  write: boolean;
  /** Problem routes: a handler sees the other department's problem as missing. */
  scoped?: boolean;
  prepare?: (cell: Cell, allowed: boolean) => Promise<Ctx>;
  send: (cell: Cell, ctx: Ctx) => Test;
  /** Overrides the default rules (e.g. a handler taking a manager's action). */
  decide?: (cell: Cell) => Expectation | undefined;
  ok: (cell: Cell) => Expectation;
  notFound?: (cell: Cell) => Expectation;
  /** A row snapshot that a refused request must not change. */
  row?: (ctx: Ctx) => Promise<unknown>;
}

describe('authorization matrix: every endpoint × every caller × every object', () => {
  let t: TestApp;
  let f: Factory;
  let dataDir: string;
  const users = {} as Record<Exclude<Who, 'anonymous'>, TestUser>;
  let adminAuth: { Authorization: string };
  let deptA: { id: string };
  let deptB: { id: string };
  /** Leads the problems that A or B assists on; no caller belongs to it. */
  let deptLead: { id: string };
  let entA: { id: string };
  let entB: { id: string };
  /** An enterprise nobody's problem concerns, which the official does not answer for. */
  let entC: { id: string };
  let entNameC: string;
  let sharedResponsibility: string;
  let loginUser: { username: string; password: string };
  let otherCategoryDays: number;
  const tally = new Tally('authorization-matrix');
  /**
   * Cells run: one request each, per endpoint (or variant of one: another body or query on the
   * same route) × caller × object.
   */
  let cellsRun = 0;
  /** The distinct endpoint × caller × object combinations among them (variants folded). */
  const endpointCallerObject = new Set<string>();
  const log = new ResponseLog();
  /** Ids and codes of every problem ever assigned to each department (none ever moves between A and B). */
  const secrets = { A: new Set<string>([MARK.A]), B: new Set<string>([MARK.B]) };
  /** Fixtures shared by refusal cells, one per department and state; refusals never change them. */
  const shared = new Map<string, { id: string; version: number }>();
  const byKey = new Map<string, Spec[]>();
  let calendarSerial = 0;
  /** Each allowed publish names another instant, so each stores a new figure (201). */
  let publishSerial = 0;
  let publishedId: string | undefined;

  const api = (path: string) => `/api/v1${path}`;
  const auth = (who: Who): Record<string, string> => (who === 'anonymous' ? {} : users[who].auth);
  const deptOf = (d: 'A' | 'B') => (d === 'A' ? deptA : deptB);
  const unique = () => randomBytes(4).toString('hex');

  /** A problem of department `d` in `state`, moved there through the API by the manager. */
  async function problemIn(state: State, d: 'A' | 'B'): Promise<{ id: string; version: number; code: string }> {
    const created = await f.problem(users.official, d === 'A' ? entA.id : entB.id, {
      title: `${MARK[d]}问题-${state}-${unique()}`,
      category: 'factor_supply',
    });
    let version = created.version;
    const step = async (action: Action, body: Record<string, unknown>) => {
      const res = await f.act(users.manager, created.id, action, body, version);
      if (res.status !== 200) throw new Error(`fixture ${action}: ${res.status} ${res.text}`);
      version = res.body.version;
    };
    if (state !== 'reported') {
      await step('assign', { departmentId: deptOf(d).id, dueAt: inDays(20) });
      secrets[d].add(created.id).add(created.code);
    }
    if (state === 'in_progress' || state === 'resolved' || state === 'extension_pending' || state === 'supervised')
      await step('accept', {});
    if (state === 'resolved') await step('resolve', { resolution: '已协调解决' });
    if (state === 'extension_pending') {
      const res = await f.act(
        users.manager,
        created.id,
        'request-extension',
        { dueAt: inDays(60), reason: '需协调上级部门' },
        version,
      );
      if (res.status !== 200) throw new Error(`fixture request-extension: ${res.status} ${res.text}`);
      version = res.body.version;
    }
    if (state === 'supervised') await step('escalate', { note: '督办', level: 'listed' });
    return { id: created.id, version, code: created.code };
  }

  async function sharedProblem(state: State, d: 'A' | 'B') {
    const key = `${state}:${d}`;
    if (!shared.has(key)) shared.set(key, await problemIn(state, d));
    return shared.get(key)!;
  }

  /**
   * A problem led by a third department (no caller's) with department `d` assisting (协办): for
   * the assisting routes it is `d`'s, and the other department's handler must not see it.
   */
  async function assistProblem(d: 'A' | 'B'): Promise<{ id: string; version: number; code: string }> {
    const created = await f.problem(users.official, d === 'A' ? entA.id : entB.id, {
      title: `${MARK[d]}协办问题-${unique()}`,
      category: 'factor_supply',
    });
    const res = await f.act(
      users.manager,
      created.id,
      'assign',
      { departmentId: deptLead.id, dueAt: inDays(20), assistingDepartmentIds: [deptOf(d).id] },
      created.version,
    );
    if (res.status !== 200) throw new Error(`fixture assist ${res.status} ${res.text}`);
    secrets[d].add(created.id).add(created.code);
    return { id: created.id, version: res.body.version, code: created.code };
  }

  const sharedAssists = new Map<'A' | 'B', Promise<{ id: string; version: number; code: string }>>();

  function assistSpec(action: 'assist_progress' | 'assist_done'): Spec {
    const path = action === 'assist_progress' ? 'assist-progress' : 'assist-done';
    return {
      key: `POST /api/v1/problems/{id}/${path}`,
      roles: ALL_ROLES,
      objects: ['missing', 'malformed', 'deptA', 'deptB'],
      write: true,
      scoped: true,
      prepare: async (cell, allowed) => {
        if (cell.obj === 'missing') return { id: MISSING_ID, version: 1 };
        if (cell.obj === 'malformed') return { id: MALFORMED_ID, version: 1 };
        const d = cell.obj === 'deptA' ? 'A' : 'B';
        if (!allowed && !sharedAssists.has(d)) sharedAssists.set(d, assistProblem(d));
        const target = allowed ? await assistProblem(d) : await sharedAssists.get(d)!;
        return { id: target.id, version: target.version, dept: d };
      },
      send: (cell, ctx) =>
        t
          .http()
          .post(api(`/problems/${ctx.id}/${path}`))
          .set(auth(cell.who))
          .set('If-Match', `"${ctx.version}"`)
          .send({
            note: '协办单位已提供材料',
            ...(cell.who === 'manager' || cell.who === 'admin' ? { departmentId: deptOf(ctx.dept ?? 'A').id } : {}),
          }),
      decide: (cell) =>
        cell.who === 'official' && cell.obj !== 'missing' && cell.obj !== 'malformed'
          ? { status: 403, code: 'FORBIDDEN' }
          : undefined,
      ok: (cell) => ({
        status: 200,
        check: async (res, ctx) => {
          const problems = [];
          if (res.body.status !== 'assigned' || res.body.version !== ctx.version! + 1)
            problems.push(`status ${res.body.status} v${res.body.version}`);
          if (res.headers.etag !== `"${ctx.version! + 1}"`) problems.push(`etag ${res.headers.etag}`);
          const [row] = await t.db.query(
            `SELECT e.type, e.actor_id AS actor, e.department_id AS department,
                    (SELECT a.status FROM problem_assists a WHERE a.problem_id = e.problem_id) AS part
             FROM problem_events e WHERE e.problem_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 1`,
            [ctx.id],
          );
          const part = action === 'assist_done' ? 'done' : 'open';
          if (
            row.type !== action ||
            row.actor !== users[cell.who as Exclude<Who, 'anonymous'>].id ||
            row.department !== deptOf(ctx.dept!).id ||
            row.part !== part
          )
            problems.push(`last event ${JSON.stringify(row)}`);
          return problems.length ? problems.join('; ') : null;
        },
      }),
      row: problemRow,
    };
  }

  const problemRow = async (ctx: Ctx) =>
    ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
      ? (
          await t.db.query(
            `SELECT status, version, department_id, escalated, due_at,
                    (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id) AS events
             FROM problems p WHERE id = $1`,
            [ctx.id],
          )
        )[0]
      : null;

  /**
   * The problems as the database holds them, the oracle every list is compared with; with the
   * departments that have an open assisting part (`openAssists`) or one of the current assignment
   * that was not cancelled (`readAssists`).
   */
  async function problemRows(): Promise<
    {
      id: string;
      code: string;
      departmentId: string | null;
      enterpriseId: string;
      title: string;
      status: string;
      openAssists: string[];
      readAssists: string[];
    }[]
  > {
    return t.db.query(
      `SELECT id, code, department_id AS "departmentId", enterprise_id AS "enterpriseId", title, status,
              ARRAY(SELECT a.department_id::text FROM problem_assists a
                    WHERE a.problem_id = p.id AND a.status = 'open') AS "openAssists",
              ARRAY(SELECT a.department_id::text FROM problem_assists a
                    WHERE a.problem_id = p.id AND a.current AND a.status <> 'cancelled') AS "readAssists"
       FROM problems p`,
    );
  }

  /**
   * What a handler sees: the problems their department leads, and those it assists on (in lists
   * while the part is open; in single reads and warnings while it is open or done).
   */
  const scopeOf =
    (who: Who, scope: 'list' | 'read' = 'list') =>
    (row: { departmentId: string | null; openAssists: string[]; readAssists: string[] }) => {
      if (who !== 'handlerA' && who !== 'handlerB') return true;
      const own = who === 'handlerA' ? deptA.id : deptB.id;
      return row.departmentId === own || (scope === 'list' ? row.openAssists : row.readAssists).includes(own);
    };

  /** Walks every page of a list and answers the ids, or a mismatch. */
  async function walk(who: Who, query: string, limit: number): Promise<{ ids: string[]; error?: string }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const sep = query ? '&' : '';
      const url: string = `/problems?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res: Response = await t.http().get(api(url)).set(auth(who));
      record(`${who} GET ${url}`, who, res);
      if (res.status !== 200) return { ids, error: `page ${page}: ${res.status} ${res.text}` };
      ids.push(...res.body.items.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
      if (cursor === null) return { ids };
    }
    return { ids, error: 'more than 200 pages' };
  }

  const sameSet = (actual: string[], expected: string[]) => {
    const a = [...actual].sort();
    const e = [...expected].sort();
    if (a.length !== new Set(a).size) return `duplicates in ${a.length} ids`;
    const extra = a.filter((id) => !e.includes(id));
    const missing = e.filter((id) => !a.includes(id));
    return extra.length || missing.length ? `extra ${JSON.stringify(extra)} missing ${JSON.stringify(missing)}` : null;
  };

  /** Records the response and, for a handler, checks it carries nothing of the other department. */
  function record(label: string, who: Who, res: Response) {
    const text = textOf(res);
    log.add(label, { status: res.status, text });
    if (who !== 'handlerA' && who !== 'handlerB') return;
    const forbidden = secrets[who === 'handlerA' ? 'B' : 'A'];
    const leaked = [...forbidden].filter((secret) => text.includes(secret));
    tally.check(`leak ${label}`, leaked.length === 0, () => `response carries ${leaked.join(', ')}`);
  }

  // ---------------------------------------------------------------------------------------------
  // The table
  // ---------------------------------------------------------------------------------------------

  const SOURCE: Record<Action, State> = {
    assign: 'assigned',
    accept: 'assigned',
    progress: 'in_progress',
    resolve: 'in_progress',
    return: 'assigned',
    verify: 'resolved',
    reopen: 'resolved',
    withdraw: 'assigned',
    escalate: 'in_progress',
    request_extension: 'in_progress',
    approve_extension: 'extension_pending',
    refuse_extension: 'extension_pending',
    lift: 'supervised',
  };
  const NEXT: Record<Action, string> = {
    assign: 'assigned',
    accept: 'in_progress',
    progress: 'in_progress',
    resolve: 'resolved',
    return: 'reported',
    verify: 'closed',
    reopen: 'in_progress',
    withdraw: 'withdrawn',
    escalate: 'in_progress',
    request_extension: 'in_progress',
    approve_extension: 'in_progress',
    refuse_extension: 'in_progress',
    lift: 'in_progress',
  };
  const DEPARTMENT_ACTIONS: Action[] = ['accept', 'progress', 'resolve', 'return', 'request_extension'];
  const body = (action: Action, d: 'A' | 'B' | undefined): Record<string, unknown> => {
    switch (action) {
      case 'assign':
        // To the department that holds it: its deadline is kept, so none is named.
        return { departmentId: deptOf(d ?? 'A').id, note: '请尽快办理' };
      case 'accept':
        return { note: '已签收' };
      case 'progress':
        return { note: '正在协调' };
      case 'resolve':
        return { resolution: '已解决' };
      case 'return':
        return { reason: '不属于本单位职责' };
      case 'verify':
        return { satisfaction: 'satisfied', feedback: '满意' };
      case 'reopen':
        return { reason: '企业反映未解决' };
      case 'withdraw':
        return { reason: '重复登记' };
      case 'escalate':
        return { note: '督办' };
      case 'request_extension':
        return { dueAt: inDays(45), reason: '需协调上级部门' };
      case 'approve_extension':
        return { note: '同意延期' };
      case 'refuse_extension':
        return { reason: '理由不充分' };
      case 'lift':
        return { note: '已回应，解除督办' };
    }
  };
  /** The route of an action: request_extension → request-extension. */
  const routeOf = (action: Action) => action.replace(/_/g, '-');

  /** Where a problem cell points: a fresh problem for a success, the shared one for a refusal. */
  const problemTarget =
    (state: State, fresh: boolean) =>
    async (cell: Cell, allowed: boolean): Promise<Ctx> => {
      if (cell.obj === 'missing') return { id: MISSING_ID, version: 1 };
      if (cell.obj === 'malformed') return { id: MALFORMED_ID, version: 1 };
      const d = cell.obj === 'deptA' ? 'A' : 'B';
      const target = allowed && fresh ? await problemIn(state, d) : await sharedProblem(state, d);
      return { id: target.id, version: target.version, dept: d };
    };

  const ownDept = (cell: Cell) =>
    (cell.who === 'handlerA' && cell.obj === 'deptA') || (cell.who === 'handlerB' && cell.obj === 'deptB');

  function actionSpec(action: Action): Spec {
    return {
      key: `POST /api/v1/problems/{id}/${routeOf(action)}`,
      roles: ALL_ROLES,
      objects: ['missing', 'malformed', 'deptA', 'deptB'],
      write: true,
      scoped: true,
      prepare: problemTarget(SOURCE[action], true),
      send: (cell, ctx) =>
        t
          .http()
          .post(api(`/problems/${ctx.id}/${routeOf(action)}`))
          .set(auth(cell.who))
          .set('If-Match', `"${ctx.version}"`)
          .send(body(action, ctx.dept)),
      decide: (cell) => {
        if (cell.obj === 'missing' || cell.obj === 'malformed') return undefined;
        if (cell.who === 'official') return { status: 403, code: 'FORBIDDEN' };
        if (ownDept(cell) && !DEPARTMENT_ACTIONS.includes(action)) return { status: 403, code: 'FORBIDDEN' };
        return undefined;
      },
      ok: (cell) => ({
        status: 200,
        check: async (res, ctx) => {
          const problems = [];
          if (res.body.id !== ctx.id) problems.push(`id ${res.body.id}`);
          if (res.body.status !== NEXT[action]) problems.push(`status ${res.body.status}`);
          if (res.body.version !== ctx.version! + 1) problems.push(`version ${res.body.version}`);
          if (res.headers.etag !== `"${ctx.version! + 1}"`) problems.push(`etag ${res.headers.etag}`);
          if (action === 'escalate' && res.body.escalated !== true) problems.push('not escalated');
          if (action === 'lift' && res.body.escalated !== false) problems.push('still escalated');
          const [row] = await t.db.query(
            `SELECT p.status, p.version, e.type, e.actor_id AS actor FROM problems p
             JOIN problem_events e ON e.problem_id = p.id WHERE p.id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 1`,
            [ctx.id],
          );
          if (row.status !== NEXT[action] || row.version !== ctx.version! + 1)
            problems.push(`row ${JSON.stringify(row)}`);
          if (row.type !== action || row.actor !== users[cell.who as Exclude<Who, 'anonymous'>].id) {
            problems.push(`last event ${row.type} by ${row.actor}`);
          }
          return problems.length ? problems.join('; ') : null;
        },
      }),
      row: problemRow,
    };
  }

  const listCheck =
    (query: string, limit: number, variant: (row: Awaited<ReturnType<typeof problemRows>>[number]) => boolean) =>
    (cell: Cell): Expectation => ({
      status: 200,
      check: async (res) => {
        const first = res.body.items.map((p: { id: string }) => p.id) as string[];
        const { ids, error } = await walk(cell.who, query, limit);
        if (error) return error;
        if (first.some((id) => !ids.includes(id))) return 'first page differs from the walk';
        const expected = (await problemRows()).filter(scopeOf(cell.who)).filter(variant);
        return sameSet(
          ids,
          expected.map((row) => row.id),
        );
      },
    });

  function listSpec(variant: string, query: string, limit: number, filter: Parameters<typeof listCheck>[2]): Spec {
    return {
      key: 'GET /api/v1/problems',
      variant,
      roles: ALL_ROLES,
      objects: ['none'],
      write: false,
      send: (cell) =>
        t
          .http()
          .get(api(`/problems?${query}${query ? '&' : ''}limit=${limit}`))
          .set(auth(cell.who)),
      ok: listCheck(query, limit, filter),
    };
  }

  function exportSpec(
    format: 'csv' | 'xlsx',
    query: string,
    filter: (row: { departmentId: string | null }) => boolean,
  ): Spec {
    return {
      key: 'GET /api/v1/problems/export',
      variant: `${format}${query ? ' by department' : ''}`,
      roles: MANAGERS,
      objects: ['none'],
      write: false,
      send: (cell: Cell) =>
        t
          .http()
          .get(api(`/problems/export?format=${format}${query ? `&${query}` : ''}`))
          .set(auth(cell.who))
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          }),
      ok: () => ({
        status: 200,
        check: async (res: Response) => {
          const content = res.body as Buffer;
          if (format === 'xlsx') {
            return content.subarray(0, 2).toString() === 'PK' ? null : 'not a zip (xlsx) file';
          }
          const codes = content.toString('utf8').match(/JQ-\d{4}-\d{4,}/g) ?? [];
          const expected = (await problemRows()).filter(filter);
          return sameSet(
            codes,
            expected.map((row) => row.code),
          );
        },
      }),
    };
  }

  function warningSpec(level: string | undefined): Spec {
    return {
      key: 'GET /api/v1/warnings',
      variant: level ?? 'all',
      roles: ['admin', 'manager', 'handler', 'official'],
      objects: ['none'],
      write: false,
      send: (cell) =>
        t
          .http()
          .get(api(`/warnings${level ? `?level=${level}` : ''}`))
          .set(auth(cell.who)),
      ok: (cell) => ({
        status: 200,
        check: async (res) => {
          const rows = await problemRows();
          const visible = new Set(rows.filter(scopeOf(cell.who, 'read')).map((row) => row.id));
          const items: { level: string; problemId?: string; departmentId?: string }[] = res.body.items;
          const problems: string[] = [];
          const handler = cell.who === 'handlerA' || cell.who === 'handlerB';
          const official = cell.who === 'official';
          const own = cell.who === 'handlerA' ? deptA.id : deptB.id;
          for (const item of items) {
            if (level && item.level !== level) problems.push(`level ${item.level}`);
            if (handler && (!item.problemId || !visible.has(item.problemId) || item.departmentId !== own)) {
              problems.push(`item ${JSON.stringify(item)}`);
            }
            // An official answers for no enterprise here: nothing at all is theirs to see.
            if (official) problems.push(`item ${JSON.stringify(item)}`);
          }
          if (handler && res.body.counts.not_visited !== 0) problems.push(`not_visited ${res.body.counts.not_visited}`);
          if ((handler || official) && res.body.counts.unassigned !== 0) {
            problems.push(`unassigned ${res.body.counts.unassigned}`);
          }
          if (res.body.truncated === false) {
            for (const lvl of [
              'overdue',
              'due_soon',
              'stale',
              'not_visited',
              'unassigned',
              'project_not_started',
              'idle_not_visited',
              'supervision_overdue',
            ]) {
              if (level && lvl !== level) continue;
              const listed = items.filter((item) => item.level === lvl).length;
              if (listed !== res.body.counts[lvl])
                problems.push(`${lvl}: ${listed} listed, count ${res.body.counts[lvl]}`);
            }
          }
          // Positive controls: the overdue fixtures the caller may see are there, the others are not.
          if (!level || level === 'overdue') {
            for (const d of ['A', 'B'] as const) {
              const id = warningFixtures[d];
              const shown = items.some((item) => item.problemId === id && item.level === 'overdue');
              const may = !official && (!handler || (cell.who === 'handlerA') === (d === 'A'));
              if (shown !== may) problems.push(`overdue fixture of ${d} ${shown ? 'shown' : 'not shown'}`);
            }
          }
          return problems.length ? problems.join('; ') : null;
        },
      }),
    };
  }
  const warningFixtures = { A: '', B: '' };

  /** A key project that department `d` answers for (none when null), added by the manager. */
  async function projectOf(d: 'A' | 'B' | null): Promise<{ id: string; version: number }> {
    const res = await t
      .http()
      .post(api('/projects'))
      .set(users.manager.auth)
      .send({
        code: `MX-${unique()}`,
        planYear: 2025,
        name: `矩阵项目${unique()}`,
        district: 'suzhou',
        kind: 'new',
        ...(d ? { departmentId: deptOf(d).id } : {}),
      });
    if (res.status !== 201) throw new Error(`project fixture: ${res.status} ${res.text}`);
    return { id: res.body.id, version: res.body.version };
  }
  const sharedProjects = new Map<string, { id: string; version: number }>();
  async function sharedProject(d: 'A' | 'B') {
    if (!sharedProjects.has(d)) sharedProjects.set(d, await projectOf(d));
    return sharedProjects.get(d)!;
  }
  /** The project every link cell names: no department, so linking never widens a handler's scope. */
  let unassignedProject: { id: string; version: number };

  /** Where a project cell points: deptA/deptB are projects those departments answer for. */
  const projectTarget =
    (fresh: boolean) =>
    async (cell: Cell, allowed: boolean): Promise<Ctx> => {
      if (cell.obj === 'missing') return { id: MISSING_ID, version: 1 };
      if (cell.obj === 'malformed') return { id: MALFORMED_ID, version: 1 };
      const d = cell.obj === 'deptA' ? 'A' : 'B';
      const target = allowed && fresh ? await projectOf(d) : await sharedProject(d);
      return { id: target.id, version: target.version, dept: d };
    };

  const projectRow = async (ctx: Ctx) =>
    ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
      ? (
          await t.db.query(
            `SELECT name, stage, version,
                    (SELECT count(*)::int FROM project_stage_events e WHERE e.project_id = pr.id) AS events,
                    (SELECT count(*)::int FROM project_investments i WHERE i.project_id = pr.id) AS entries
             FROM projects pr WHERE id = $1`,
            [ctx.id],
          )
        )[0]
      : null;

  /** A project answers a handler of the other department, and an official without responsibility, as missing. */
  const projectScope = (cell: Cell): Expectation | undefined =>
    cell.obj !== 'missing' && cell.obj !== 'malformed' && cell.who === 'official'
      ? { status: 404, code: 'NOT_FOUND', sameAsMissing: true }
      : undefined;

  /**
   * The enterprise's tracking link (managers, admins and the official who recorded the problem:
   * here the official recorded every problem) and the public tracking routes, which need no token.
   * A caller reads through a link of a problem it may see (a handler: its own department's), so
   * the leak check holds.
   */
  function trackingSpecs(): Spec[] {
    const linkFor = async (problemId: string) => {
      const res = await t
        .http()
        .post(api(`/problems/${problemId}/tracking-link`))
        .set(auth('manager'));
      if (res.status !== 201) throw new Error(`fixture tracking link: ${res.status} ${res.text}`);
      return res.body.token as string;
    };
    const ownDeptOf = (who: Who): 'A' | 'B' => (who === 'handlerB' ? 'B' : 'A');
    return [
      {
        key: 'POST /api/v1/problems/{id}/tracking-link',
        roles: CREATORS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        prepare: problemTarget('in_progress', true),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/problems/${ctx.id}/tracking-link`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 201,
          check: (res) =>
            /^[A-Za-z0-9_-]{43}$/.test(res.body.token) && res.body.url.endsWith(`/t/${res.body.token}`)
              ? null
              : res.text,
        }),
      },
      {
        key: 'DELETE /api/v1/problems/{id}/tracking-link',
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        prepare: async (cell, allowed) => {
          const ctx = await problemTarget('in_progress', true)(cell, allowed);
          if (allowed && ctx.id) ctx.data = { token: await linkFor(ctx.id) };
          return ctx;
        },
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/problems/${ctx.id}/tracking-link`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) => {
            const read = await t.http().get(api(`/track/${String(ctx.data!.token)}`));
            return read.status === 404 ? null : `the revoked link answers ${read.status}`;
          },
        }),
      },
      {
        key: 'GET /api/v1/problems/{id}/tracking-link/qr.svg',
        roles: CREATORS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        prepare: async (cell, allowed) => {
          const ctx = await problemTarget('in_progress', true)(cell, allowed);
          if (allowed && ctx.id) await linkFor(ctx.id);
          return ctx;
        },
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/problems/${ctx.id}/tracking-link/qr.svg`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res) =>
            String(res.headers['content-type']).startsWith('image/svg+xml') && textOf(res).includes('<svg')
              ? null
              : String(res.headers['content-type']),
        }),
      },
      {
        key: 'GET /api/v1/track/{token}',
        roles: 'public',
        objects: ['none'],
        write: false,
        prepare: async (cell) => {
          const problem = await problemIn('in_progress', ownDeptOf(cell.who));
          return { id: problem.id, data: { token: await linkFor(problem.id), code: problem.code } };
        },
        send: (_cell, ctx) => t.http().get(api(`/track/${String(ctx.data!.token)}`)),
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.code === ctx.data!.code && res.body.canRate === false && !('id' in res.body) ? null : res.text,
        }),
      },
      {
        key: 'POST /api/v1/track/{token}/rating',
        roles: 'public',
        objects: ['none'],
        write: true,
        prepare: async (cell) => {
          const problem = await problemIn('resolved', ownDeptOf(cell.who));
          return { id: problem.id, data: { token: await linkFor(problem.id) } };
        },
        send: (_cell, ctx) =>
          t
            .http()
            .post(api(`/track/${String(ctx.data!.token)}/rating`))
            .send({ satisfaction: 'satisfied', comment: '满意' }),
        ok: () => ({
          status: 201,
          check: async (res, ctx) => {
            const [row] = await t.db.query(
              `SELECT actor_id, data FROM problem_events WHERE problem_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
              [ctx.id],
            );
            return res.body.status === 'closed' && row.actor_id === null && row.data.source === 'enterprise'
              ? null
              : `${res.text} ${JSON.stringify(row)}`;
          },
        }),
      },
    ];
  }

  function projectSpecs(): Spec[] {
    const progressSpec = (
      key: string,
      path: (id: string) => string,
      method: 'post' | 'put',
      body: object,
      check: (res: Response) => string | null,
    ): Spec => ({
      key,
      roles: ['admin', 'manager', 'handler'],
      objects: ['missing', 'malformed', 'deptA', 'deptB'],
      write: true,
      scoped: true,
      prepare: projectTarget(true),
      send: (cell, ctx) => {
        const http = t.http();
        const req = (method === 'post' ? http.post(api(path(ctx.id!))) : http.put(api(path(ctx.id!)))).set(
          auth(cell.who),
        );
        return (method === 'post' ? req.set('If-Match', `"${ctx.version}"`) : req).send(body);
      },
      ok: () => ({ status: 200, check: (res, ctx) => (res.body.id === ctx.id ? check(res) : res.text.slice(0, 200)) }),
      row: projectRow,
    });
    return [
      {
        key: 'GET /api/v1/projects',
        roles: ALL_ROLES,
        objects: ['none'],
        write: false,
        send: (cell) => t.http().get(api('/projects?limit=200')).set(auth(cell.who)),
        ok: (cell) => ({
          status: 200,
          check: async (res) => {
            const items: { departmentId: string | null; ownerEnterpriseId: string | null }[] = res.body.items;
            if (!Array.isArray(items)) return res.text.slice(0, 200);
            if (cell.who === 'official') return items.length === 0 ? null : `official sees ${items.length}`;
            if (cell.who === 'handlerA' || cell.who === 'handlerB') {
              const own = cell.who === 'handlerA' ? deptA.id : deptB.id;
              const foreign = items.filter((p) => p.departmentId !== null && p.departmentId !== own);
              return foreign.length ? `handler sees ${foreign.length} projects of the other department` : null;
            }
            const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM projects`);
            return items.length === Math.min(n, 200) ? null : `${items.length} of ${n}`;
          },
        }),
      },
      simpleGet('GET /api/v1/projects/export', '/projects/export?format=csv', ALL_ROLES, (res) =>
        res.text.includes('项目编号') ? null : res.text.slice(0, 200),
      ),
      simpleGet('GET /api/v1/projects/import/template', '/projects/import/template?format=csv', MANAGERS, (res) =>
        res.text.includes('项目编号') ? null : res.text,
      ),
      {
        key: 'POST /api/v1/projects/import',
        roles: MANAGERS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/projects/import?dryRun=true'))
            .set(auth(cell.who))
            .attach(
              'file',
              Buffer.from(`项目编号,计划年度,项目名称,县区,建设性质\nMXI-${unique()},2025,导入项目,肃州区,新建\n`),
              {
                filename: 'projects.csv',
                contentType: 'text/csv',
              },
            ),
        ok: () => ({
          status: 200,
          check: (res) =>
            res.body.total === 1 && res.body.created === 1 && res.body.applied === false ? null : res.text,
        }),
      },
      {
        key: 'POST /api/v1/projects',
        roles: MANAGERS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/projects'))
            .set(auth(cell.who))
            .send({
              code: `MXC-${unique()}`,
              planYear: 2025,
              name: '矩阵新项目',
              district: 'yumen',
              kind: 'continuing',
            }),
        ok: () => ({ status: 201, check: (res) => (res.body.id && res.body.district === 'yumen' ? null : res.text) }),
      },
      {
        key: 'GET /api/v1/projects/{id}',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        scoped: true,
        prepare: projectTarget(false),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/projects/${ctx.id}`))
            .set(auth(cell.who)),
        decide: projectScope,
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.id === ctx.id &&
            res.headers.etag === `"${res.body.version}"` &&
            Array.isArray(res.body.stageHistory)
              ? null
              : res.text.slice(0, 200),
        }),
      },
      {
        key: 'PATCH /api/v1/projects/{id}',
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        prepare: projectTarget(true),
        send: (cell, ctx) =>
          t
            .http()
            .patch(api(`/projects/${ctx.id}`))
            .set(auth(cell.who))
            .set('If-Match', `"${ctx.version}"`)
            .send({ name: '矩阵改名项目' }),
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.name === '矩阵改名项目' && res.body.version === ctx.version! + 1 ? null : res.text.slice(0, 200),
        }),
        row: projectRow,
      },
      {
        ...progressSpec(
          'POST /api/v1/projects/{id}/stage',
          (id) => `/projects/${id}/stage`,
          'post',
          { stage: 'started', effectiveAt: '2025-03-10T09:00:00+08:00', note: '开工' },
          (res) => (res.body.stage === 'started' && res.body.stageHistory.length === 1 ? null : res.text.slice(0, 200)),
        ),
      },
      progressSpec(
        'PUT /api/v1/projects/{id}/investments/{month}',
        (id) => `/projects/${id}/investments/2025-01`,
        'put',
        { amountYuan: 1_000_000 },
        (res) => (res.body.investmentToDateYuan === 1_000_000 ? null : res.text.slice(0, 200)),
      ),
      {
        key: 'POST /api/v1/problems/{id}/project',
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        scoped: true,
        prepare: problemTarget('in_progress', true),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/problems/${ctx.id}/project`))
            .set(auth(cell.who))
            .set('If-Match', `"${ctx.version}"`)
            .send({ projectId: unassignedProject.id, note: '关联项目' }),
        ok: () => ({
          status: 200,
          check: async (res, ctx) => {
            if (res.body.projectId !== unassignedProject.id || res.body.version !== ctx.version! + 1)
              return res.text.slice(0, 200);
            const [row] = await t.db.query(
              `SELECT type FROM problem_events WHERE problem_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
              [ctx.id],
            );
            return row.type === 'link_project' ? null : `last event ${row.type}`;
          },
        }),
        row: problemRow,
      },
      simpleGet('GET /api/v1/reports/projects', '/reports/projects?period=2025-Q1&groupBy=district', MANAGERS, (res) =>
        typeof res.body.planned === 'number' && Array.isArray(res.body.groups) ? null : res.text,
      ),
    ];
  }

  /** A saved view of `owner`, saved through the API; answers its id. */
  const savedView = async (owner: Exclude<Who, 'anonymous'>, name: string): Promise<string> => {
    const res = await t.http().post(api('/me/saved-views')).set(auth(owner)).send({ name, query: 'overdue=true' });
    if (res.status !== 201) throw new Error(`fixture saved view: ${res.status} ${res.text}`);
    return res.body.id;
  };

  const simpleGet = (key: string, path: string, roles: Role[] | 'public', check?: Expectation['check']): Spec => ({
    key,
    roles,
    objects: ['none'],
    write: false,
    send: (cell) => t.http().get(api(path)).set(auth(cell.who)),
    ok: () => ({ status: 200, check }),
  });

  const isArray = (min: number) => (res: Response) =>
    Array.isArray(res.body) && res.body.length >= min ? null : `not an array of at least ${min}`;

  const nextCalendarDate = () => {
    calendarSerial += 1;
    return DateTime.fromISO('2099-01-01').plus({ days: calendarSerial }).toISODate()!;
  };
  const isoWeek = () => DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");

  /** A published figure to read: the 2025-Q1 resolution rate as of its end, published once by the admin. */
  const aPublishedFigure = async (): Promise<string> => {
    if (publishedId === undefined) {
      const res = await t
        .http()
        .post(api('/reports/published'))
        .set(adminAuth)
        .send({ figure: 'resolution-rate', period: '2025-Q1' });
      if (res.status !== 201 && res.status !== 200) throw new Error(`publish: ${res.status} ${res.text}`);
      publishedId = res.body.id as string;
    }
    return publishedId;
  };

  /**
   * A read of one enterprise (or of what hangs off it): a handler sees only an enterprise that a
   * problem of their department concerns (entB has department B's problems), the others every one.
   */
  const enterpriseRead = (key: string, suffix: string, check: Expectation['check']): Spec => ({
    key,
    roles: ALL_ROLES,
    objects: ['missing', 'malformed', 'existing'],
    write: false,
    prepare: async (cell) => ({
      id: cell.obj === 'missing' ? MISSING_ID : cell.obj === 'malformed' ? MALFORMED_ID : entB.id,
    }),
    send: (cell, ctx) =>
      t
        .http()
        .get(api(`/enterprises/${ctx.id}${suffix}`))
        .set(auth(cell.who)),
    decide: (cell) => (cell.who === 'handlerA' ? { status: 404, code: 'NOT_FOUND', sameAsMissing: true } : undefined),
    ok: () => ({ status: 200, check }),
  });
  // Visits: a neutral enterprise (no department's marker in its name), each visit recorded by the
  // official; deptA's visit is reached by handlers only through a problem of department A, deptB's
  // through one of B, and the shared visit through one of each (each handler sees only his own).
  let visitEnterprise: Promise<{ id: string }> | undefined;
  const visitFixtures = new Map<string, Promise<{ id: string; revision: number }>>();

  async function newVisit(problemsOf: ('A' | 'B')[]): Promise<{ id: string; revision: number }> {
    visitEnterprise ??= f.enterprise(users.official, { name: `走访矩阵企业${unique()}` });
    const enterprise = await visitEnterprise;
    const res = await t
      .http()
      .post(api('/visits'))
      .set(users.official.auth)
      .send({ enterpriseId: enterprise.id, visitedAt: inDays(-1), purpose: '矩阵走访', notes: '企业反馈' });
    if (res.status !== 201) throw new Error(`fixture visit: ${res.status} ${res.text}`);
    for (const d of problemsOf) {
      const problem = await f.problem(users.official, enterprise.id, {
        title: `${MARK[d]}走访问题-${unique()}`,
        category: 'factor_supply',
        visitId: res.body.id,
      });
      const assigned = await f.act(
        users.manager,
        problem.id,
        'assign',
        { departmentId: deptOf(d).id, dueAt: inDays(20) },
        problem.version,
      );
      if (assigned.status !== 200) throw new Error(`fixture assign: ${assigned.status} ${assigned.text}`);
      secrets[d].add(problem.id).add(problem.code);
    }
    return { id: res.body.id, revision: 1 };
  }

  const visitProblemsOf = (obj: Obj): ('A' | 'B')[] => (obj === 'deptA' ? ['A'] : obj === 'deptB' ? ['B'] : ['A', 'B']);

  /** Where a visit cell points: a fresh visit for a successful write, a shared one otherwise. */
  const visitTarget =
    (fresh: boolean) =>
    async (cell: Cell, allowed: boolean): Promise<Ctx> => {
      if (cell.obj === 'missing') return { id: MISSING_ID, version: 1 };
      if (cell.obj === 'malformed') return { id: MALFORMED_ID, version: 1 };
      if (allowed && fresh) return { ...(await newVisit(visitProblemsOf(cell.obj))), version: 1 };
      let shared = visitFixtures.get(cell.obj);
      if (!shared) {
        shared = newVisit(visitProblemsOf(cell.obj));
        visitFixtures.set(cell.obj, shared);
      }
      return { id: (await shared).id, version: 1 };
    };

  /** A handler reaches a visit only through a problem of his department. */
  const visitScope = (cell: Cell): Expectation | undefined => {
    if (roleOf(cell.who) !== 'handler' || cell.obj === 'missing' || cell.obj === 'malformed') return undefined;
    const own = cell.who === 'handlerA' ? 'A' : 'B';
    return visitProblemsOf(cell.obj).includes(own)
      ? undefined
      : { status: 404, code: 'NOT_FOUND', sameAsMissing: true };
  };

  const visitRow = async (ctx: Ctx) =>
    ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
      ? (
          await t.db.query(
            `SELECT revision, purpose, withdrawn_at,
                    (SELECT count(*)::int FROM visit_revisions r WHERE r.visit_id = v.id) AS revisions
             FROM visits v WHERE id = $1`,
            [ctx.id],
          )
        )[0]
      : null;

  /** The visits each caller may read, from the database: the oracle of the list. */
  async function visibleVisitIds(who: Who): Promise<string[]> {
    const role = roleOf(who);
    if (role === 'admin' || role === 'manager')
      return (await t.db.query(`SELECT id FROM visits`)).map((r: { id: string }) => r.id);
    const user = users[who as Exclude<Who, 'anonymous'>];
    const found: { id: string }[] =
      role === 'handler'
        ? await t.db.query(
            `SELECT v.id FROM visits v WHERE EXISTS (SELECT 1 FROM problems p WHERE p.visit_id = v.id AND p.department_id = $1)`,
            [user.departmentId],
          )
        : await t.db.query(
            `SELECT v.id FROM visits v
             WHERE v.created_by = $1
                OR EXISTS (SELECT 1 FROM visit_officials vo WHERE vo.visit_id = v.id AND vo.user_id = $1)
                OR EXISTS (SELECT 1 FROM responsibilities r WHERE r.enterprise_id = v.enterprise_id AND r.user_id = $1
                           AND (r.ends_at IS NULL OR (r.starts_at <= v.visited_at AND r.ends_at > v.visited_at)))`,
            [user.id],
          );
    return found.map((r) => r.id);
  }

  function visitSpecs(): Spec[] {
    const visitObjects: Obj[] = ['missing', 'malformed', 'existing', 'deptA', 'deptB'];
    const readCheck = (res: Response, ctx: Ctx, cell: Cell): string | null => {
      if (res.body.id !== ctx.id) return res.text;
      const problems = (res.body.problems as { title: string }[]).map((p) => p.title);
      const role = roleOf(cell.who);
      const expected = role === 'handler' ? 1 : visitProblemsOf(cell.obj).length;
      return problems.length === expected ? null : `problems ${JSON.stringify(problems)}`;
    };
    return [
      {
        key: 'GET /api/v1/visits',
        roles: ALL_ROLES,
        objects: ['none'],
        write: false,
        send: (cell) => t.http().get(api('/visits?limit=200')).set(auth(cell.who)),
        ok: (cell) => ({
          status: 200,
          check: async (res) => {
            const ids: string[] = res.body.items.map((v: { id: string }) => v.id);
            let cursor: string | null = res.body.nextCursor;
            while (cursor) {
              const page = await t
                .http()
                .get(api(`/visits?limit=200&cursor=${cursor}`))
                .set(auth(cell.who));
              if (page.status !== 200) return `page ${page.status}`;
              ids.push(...page.body.items.map((v: { id: string }) => v.id));
              cursor = page.body.nextCursor;
            }
            return sameSet(ids, await visibleVisitIds(cell.who));
          },
        }),
      },
      {
        key: 'GET /api/v1/visits/{id}',
        roles: ALL_ROLES,
        objects: visitObjects,
        write: false,
        prepare: visitTarget(false),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/visits/${ctx.id}`))
            .set(auth(cell.who)),
        decide: visitScope,
        ok: () => ({
          status: 200,
          check: (res, ctx, cell) =>
            res.headers.etag === `"${res.body.revision}"` ? readCheck(res, ctx, cell) : 'etag',
        }),
      },
      {
        key: 'GET /api/v1/visits/{id}/revisions',
        roles: ALL_ROLES,
        objects: visitObjects,
        write: false,
        prepare: visitTarget(false),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/visits/${ctx.id}/revisions`))
            .set(auth(cell.who)),
        decide: visitScope,
        ok: () => ({
          status: 200,
          check: (res) => (Array.isArray(res.body) && res.body[0]?.revision === 1 ? null : res.text),
        }),
      },
      {
        key: 'POST /api/v1/visits/{id}/amendments',
        roles: CREATORS,
        objects: visitObjects,
        write: true,
        prepare: visitTarget(true),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/visits/${ctx.id}/amendments`))
            .set(auth(cell.who))
            .set('If-Match', `"${ctx.version}"`)
            .send({ reason: '矩阵修正', purpose: `修正后-${cell.who}` }),
        ok: (cell) => ({
          status: 200,
          check: async (res, ctx) => {
            if (res.body.revision !== 2 || res.headers.etag !== '"2"') return `revision ${res.body.revision}`;
            const row = await visitRow(ctx);
            return row.revision === 2 && row.revisions === 2 && row.purpose === `修正后-${cell.who}`
              ? null
              : JSON.stringify(row);
          },
        }),
        row: visitRow,
      },
      {
        key: 'POST /api/v1/visits/{id}/withdraw',
        roles: CREATORS,
        objects: visitObjects,
        write: true,
        prepare: visitTarget(true),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/visits/${ctx.id}/withdraw`))
            .set(auth(cell.who))
            .set('If-Match', `"${ctx.version}"`)
            .send({ reason: '矩阵撤回' }),
        ok: () => ({
          status: 200,
          check: async (res, ctx) => {
            if (res.body.status !== 'withdrawn') return res.text;
            const row = await visitRow(ctx);
            return row.withdrawn_at ? null : JSON.stringify(row);
          },
        }),
        row: visitRow,
      },
    ];
  }

  // Attachments: a PDF letter (and a photo for the thumbnail) on a problem of each department or a
  // visit; a refusal must store no row. The uploader is the manager unless a cell says otherwise.
  const pdf = () => Buffer.from(`%PDF-1.4\n% matrix ${unique()}\ntrailer << >>\n%%EOF\n`);
  let matrixPhoto: Promise<Buffer> | undefined;
  const photo = () =>
    (matrixPhoto ??= sharp({ create: { width: 400, height: 300, channels: 3, background: '#446688' } })
      .jpeg()
      .toBuffer());
  const attachmentFixtures = new Map<string, Promise<string>>();

  async function upload(as: TestUser, path: string, content: Buffer, filename: string): Promise<string> {
    const res = await t.http().post(api(path)).set(as.auth).attach('file', content, { filename });
    if (res.status !== 201) throw new Error(`fixture attachment: ${res.status} ${res.text}`);
    return res.body.items[0].id;
  }

  /**
   * Where an attachment cell points: one on the shared problem of the department (or a visit),
   * uploaded by the manager and shared by the reads; with `uploader`, a fresh one by that user (deletes).
   */
  const attachmentTarget =
    (owner: 'problem' | 'visit', kind: 'pdf' | 'image', uploader?: (cell: Cell, allowed: boolean) => Who) =>
    async (cell: Cell, allowed: boolean): Promise<Ctx> => {
      if (cell.obj === 'missing') return { id: MISSING_ID };
      if (cell.obj === 'malformed') return { id: MALFORMED_ID };
      const path =
        owner === 'problem'
          ? `/problems/${(await sharedProblem('in_progress', cell.obj === 'deptA' ? 'A' : 'B')).id}/attachments`
          : `/visits/${(await visitTarget(false)(cell, false)).id}/attachments`;
      const content = kind === 'pdf' ? pdf() : await photo();
      const dept = cell.obj === 'deptA' ? 'A' : 'B';
      if (uploader) {
        const by = uploader(cell, allowed) as Exclude<Who, 'anonymous'>;
        return { id: await upload(users[by], path, content, `m.${kind}`), dept };
      }
      const key = `${owner}:${kind}:${cell.obj}`;
      if (!attachmentFixtures.has(key)) attachmentFixtures.set(key, upload(users.manager, path, content, `m.${kind}`));
      return { id: await attachmentFixtures.get(key)!, dept };
    };

  const attachmentRow = async (ctx: Ctx) =>
    ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
      ? ((await t.db.query(`SELECT deleted_at, deleted_by FROM attachments WHERE id = $1`, [ctx.id]))[0] ?? null)
      : null;

  function attachmentSpecs(): Spec[] {
    const uploadCheck = (column: 'problem_id' | 'visit_id') => async (res: Response, ctx: Ctx) => {
      const id = res.body.items?.[0]?.id;
      const rows = await t.db.query(`SELECT 1 FROM attachments WHERE id = $1 AND ${column} = $2`, [id, ctx.id]);
      return rows.length === 1 ? null : res.text;
    };
    const isPdf = (res: Response) =>
      Buffer.isBuffer(res.body) && res.body.subarray(0, 5).toString() === '%PDF-'
        ? null
        : String(res.headers['content-type']);
    const bytes = (request: Test) =>
      request.buffer(true).parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    return [
      {
        key: 'POST /api/v1/problems/{id}/attachments',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        scoped: true,
        prepare: problemTarget('in_progress', false),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/problems/${ctx.id}/attachments`))
            .set(auth(cell.who))
            .attach('file', pdf(), { filename: '复函.pdf' }),
        ok: () => ({ status: 201, check: uploadCheck('problem_id') }),
      },
      {
        key: 'POST /api/v1/visits/{id}/attachments',
        roles: CREATORS,
        objects: ['missing', 'malformed', 'existing', 'deptA', 'deptB'],
        write: true,
        prepare: visitTarget(false),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/visits/${ctx.id}/attachments`))
            .set(auth(cell.who))
            .attach('file', pdf(), { filename: '走访.pdf' }),
        ok: () => ({ status: 201, check: uploadCheck('visit_id') }),
      },
      {
        key: 'GET /api/v1/attachments/{id}',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        scoped: true,
        prepare: attachmentTarget('problem', 'pdf'),
        send: (cell, ctx) =>
          bytes(
            t
              .http()
              .get(api(`/attachments/${ctx.id}`))
              .set(auth(cell.who)),
          ),
        ok: () => ({ status: 200, check: isPdf }),
      },
      {
        key: 'GET /api/v1/attachments/{id}',
        variant: "a visit's",
        roles: ALL_ROLES,
        objects: ['missing', 'existing', 'deptA', 'deptB'],
        write: false,
        prepare: attachmentTarget('visit', 'pdf'),
        send: (cell, ctx) =>
          bytes(
            t
              .http()
              .get(api(`/attachments/${ctx.id}`))
              .set(auth(cell.who)),
          ),
        decide: visitScope,
        ok: () => ({ status: 200, check: isPdf }),
      },
      {
        key: 'GET /api/v1/attachments/{id}/thumbnail',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        scoped: true,
        prepare: attachmentTarget('problem', 'image'),
        send: (cell, ctx) =>
          bytes(
            t
              .http()
              .get(api(`/attachments/${ctx.id}/thumbnail`))
              .set(auth(cell.who)),
          ),
        ok: () => ({
          status: 200,
          check: (res) => (res.headers['content-type'] === 'image/jpeg' && Buffer.isBuffer(res.body) ? null : res.text),
        }),
      },
      {
        key: 'DELETE /api/v1/attachments/{id}',
        variant: "the caller's own",
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: true,
        scoped: true,
        // Each caller who may see the problem removes what they uploaded themselves.
        prepare: attachmentTarget('problem', 'pdf', (cell, allowed) => (allowed ? cell.who : 'manager')),
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/attachments/${ctx.id}`))
            .set(auth(cell.who)),
        ok: (cell) => ({
          status: 204,
          check: async (_res, ctx) => {
            const row = await attachmentRow(ctx);
            return row?.deleted_by === users[cell.who as Exclude<Who, 'anonymous'>].id ? null : JSON.stringify(row);
          },
        }),
        row: attachmentRow,
      },
      {
        key: 'DELETE /api/v1/attachments/{id}',
        variant: "the admin's",
        roles: ALL_ROLES,
        objects: ['missing', 'deptA', 'deptB'],
        write: true,
        scoped: true,
        prepare: attachmentTarget('problem', 'pdf', () => 'admin'),
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/attachments/${ctx.id}`))
            .set(auth(cell.who)),
        // Only the uploader or a manager may remove it.
        decide: (cell) =>
          roleOf(cell.who) === 'official' || roleOf(cell.who) === 'handler'
            ? { status: 403, code: 'FORBIDDEN' }
            : undefined,
        ok: () => ({
          status: 204,
          check: async (_res, ctx) => ((await attachmentRow(ctx))?.deleted_at ? null : 'kept'),
        }),
        row: attachmentRow,
      },
    ];
  }

  function buildSpecs(): Spec[] {
    return [
      ...visitSpecs(),
      ...attachmentSpecs(),
      simpleGet('GET /api/v1/health', '/health', 'public', (res) => (res.body.status === 'ok' ? null : res.text)),
      simpleGet('GET /api/v1/meta', '/meta', 'public', (res) =>
        typeof res.body.reportTimezone === 'string' ? null : res.text,
      ),
      {
        key: 'POST /api/v1/auth/login',
        roles: 'public',
        objects: ['none'],
        write: false,
        send: (cell) => t.http().post(api('/auth/login')).set(auth(cell.who)).send(loginUser),
        ok: () => ({
          status: 200,
          check: (res) =>
            typeof res.body.accessToken === 'string' && res.body.user.username === loginUser.username ? null : res.text,
        }),
      },
      {
        key: 'POST /api/v1/users',
        roles: ['admin'],
        objects: ['none'],
        write: true,
        prepare: async () => ({ data: { username: `matrix-${unique()}` } }),
        send: (cell, ctx) =>
          t
            .http()
            .post(api('/users'))
            .set(auth(cell.who))
            .send({ username: ctx.data!.username, password: 'Matrix-pass-1', displayName: '矩阵用户', role: 'admin' }),
        ok: () => ({
          status: 201,
          check: async (res, ctx) => {
            const [row] = await t.db.query(`SELECT role FROM users WHERE username = $1`, [ctx.data!.username]);
            return res.body.username === ctx.data!.username && row?.role === 'admin' ? null : res.text;
          },
        }),
      },
      simpleGet('GET /api/v1/users', '/users', ['admin'], isArray(6)),
      {
        // Each cell signs out a user of its own of the caller's role, so the matrix's tokens stay valid.
        key: 'POST /api/v1/auth/logout-all',
        roles: ALL_ROLES,
        objects: ['none'],
        write: true,
        prepare: async (cell) => {
          const role = roleOf(cell.who);
          if (role === null) return {};
          const own = await f.user(role, users[cell.who as Exclude<Who, 'anonymous'>].departmentId ?? undefined);
          return { data: { token: own.token } };
        },
        send: (cell, ctx) =>
          t
            .http()
            .post(api('/auth/logout-all'))
            .set(ctx.data ? { Authorization: `Bearer ${String(ctx.data.token)}` } : {}),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) => {
            const after = await t
              .http()
              .get(api('/departments'))
              .set({ Authorization: `Bearer ${String(ctx.data!.token)}` });
            return after.status === 401 ? null : `the token still answers ${after.status}`;
          },
        }),
      },
      {
        key: 'POST /api/v1/users/{id}/logout-all',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell, allowed) => {
          if (cell.obj === 'missing') return { id: MISSING_ID };
          if (cell.obj === 'malformed') return { id: MALFORMED_ID };
          if (!allowed) return { id: users.official.id };
          const target = await f.user('official');
          return { id: target.id, data: { token: target.token } };
        },
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/users/${ctx.id}/logout-all`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) => {
            const after = await t
              .http()
              .get(api('/departments'))
              .set({ Authorization: `Bearer ${String(ctx.data!.token)}` });
            return after.status === 401 ? null : `the token still answers ${after.status}`;
          },
        }),
        row: async (ctx) =>
          (await t.db.query(`SELECT token_version FROM users WHERE id::text = $1`, [ctx.id]))[0] ?? null,
      },
      simpleGet('GET /api/v1/auth/locks', '/auth/locks', ['admin'], isArray(0)),
      {
        key: 'DELETE /api/v1/auth/locks/{id}',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell) => {
          if (cell.obj === 'missing') return { id: MISSING_ID };
          if (cell.obj === 'malformed') return { id: MALFORMED_ID };
          const username = `locked-${unique()}`;
          await t.http().post(api('/auth/login')).send({ username, password: 'wrong-password' }).expect(401);
          const [row] = await t.db.query(`SELECT id FROM login_throttle WHERE username_key = $1`, [username]);
          return { id: row.id };
        },
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/auth/locks/${ctx.id}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) => {
            const [row] = await t.db.query(`SELECT failures FROM login_throttle WHERE id = $1`, [ctx.id]);
            return row?.failures === 0 ? null : `failures ${JSON.stringify(row)}`;
          },
        }),
        row: async (ctx) =>
          (await t.db.query(`SELECT failures, locked_until FROM login_throttle WHERE id::text = $1`, [ctx.id]))[0] ??
          null,
      },
      {
        key: 'PATCH /api/v1/users/{id}',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell, allowed) => {
          if (cell.obj === 'missing') return { id: MISSING_ID };
          if (cell.obj === 'malformed') return { id: MALFORMED_ID };
          if (!allowed) return { id: users.official.id };
          return { id: (await f.user('official')).id };
        },
        send: (cell, ctx) =>
          t
            .http()
            .patch(api(`/users/${ctx.id}`))
            .set(auth(cell.who))
            .send({ role: 'admin', displayName: '被改名' }),
        ok: () => ({
          status: 200,
          check: async (res, ctx) => {
            const [row] = await t.db.query(`SELECT role, display_name AS name FROM users WHERE id = $1`, [ctx.id]);
            return res.body.role === 'admin' && row.role === 'admin' && row.name === '被改名' ? null : res.text;
          },
        }),
        row: async (ctx) =>
          (
            await t.db.query(
              `SELECT role, display_name, department_id, disabled, password_hash FROM users WHERE id::text = $1`,
              [ctx.id],
            )
          )[0] ?? null,
      },
      simpleGet('GET /api/v1/districts', '/districts', ALL_ROLES, isArray(7)),
      simpleGet('GET /api/v1/categories', '/categories', ALL_ROLES, isArray(8)),
      simpleGet('GET /api/v1/statuses', '/statuses', ALL_ROLES, isArray(6)),
      simpleGet('GET /api/v1/departments', '/departments', ALL_ROLES, isArray(2)),
      {
        key: 'POST /api/v1/departments',
        roles: ['admin'],
        objects: ['none'],
        write: true,
        prepare: async () => ({ data: { code: `m${unique()}` } }),
        send: (cell, ctx) =>
          t
            .http()
            .post(api('/departments'))
            .set(auth(cell.who))
            .send({ name: `矩阵局${ctx.data!.code}`, code: ctx.data!.code }),
        ok: () => ({
          status: 201,
          check: (res, ctx) => (res.body.code === ctx.data!.code && res.body.id ? null : res.text),
        }),
      },
      simpleGet('GET /api/v1/calendar', '/calendar?year=2025', ALL_ROLES, (res) =>
        res.body.year === 2025 && Array.isArray(res.body.days) ? null : res.text,
      ),
      simpleGet('GET /api/v1/calendar/coverage', '/calendar/coverage', ALL_ROLES, (res) =>
        Array.isArray(res.body.years) && typeof res.body.currentYear === 'number' ? null : res.text,
      ),
      simpleGet(
        'GET /api/v1/calendar/working-days',
        '/calendar/working-days?from=2025-01-24T10%3A00%3A00%2B08%3A00&days=3',
        ALL_ROLES,
        (res) => (typeof res.body.dueAt === 'string' ? null : res.text),
      ),
      {
        key: 'PUT /api/v1/calendar/days/{date}',
        roles: ['admin'],
        objects: ['malformed', 'existing'],
        write: true,
        prepare: async (cell) => ({ id: cell.obj === 'malformed' ? '2099-02-30' : nextCalendarDate() }),
        send: (cell, ctx) =>
          t
            .http()
            .put(api(`/calendar/days/${ctx.id}`))
            .set(auth(cell.who))
            .send({ working: false, name: '矩阵假日' }),
        notFound: () => ({ status: 400, code: 'VALIDATION_FAILED' }),
        ok: () => ({
          status: 200,
          check: async (res, ctx) => {
            const rows = await t.db.query(`SELECT working FROM calendar_days WHERE day = $1`, [ctx.id]);
            return res.body.date === ctx.id && rows.length === 1 && rows[0].working === false ? null : res.text;
          },
        }),
      },
      {
        key: 'DELETE /api/v1/calendar/days/{date}',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell) => {
          if (cell.obj === 'missing') return { id: '2098-06-15' };
          if (cell.obj === 'malformed') return { id: '2099-13-01' };
          const date = nextCalendarDate();
          await t.db.query(`INSERT INTO calendar_days (day, working, name) VALUES ($1, false, '矩阵待删')`, [date]);
          return { id: date };
        },
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/calendar/days/${ctx.id}`))
            .set(auth(cell.who)),
        notFound: (cell) =>
          cell.obj === 'malformed' ? { status: 400, code: 'VALIDATION_FAILED' } : { status: 404, code: 'NOT_FOUND' },
        ok: () => ({
          status: 204,
          check: async (_res, ctx) =>
            (await t.db.query(`SELECT 1 FROM calendar_days WHERE day = $1`, [ctx.id])).length === 0 ? null : 'row kept',
        }),
        row: async (ctx) =>
          (await t.db.query(`SELECT working, name FROM calendar_days WHERE day::text = $1`, [ctx.id]))[0] ?? null,
      },
      {
        key: 'PATCH /api/v1/categories/{code}',
        roles: ['admin'],
        objects: ['missing', 'existing'],
        write: true,
        prepare: async (cell) => ({ id: cell.obj === 'missing' ? 'no_such_category' : 'other' }),
        send: (cell, ctx) =>
          t
            .http()
            .patch(api(`/categories/${ctx.id}`))
            .set(auth(cell.who))
            .send({ defaultDueWorkingDays: otherCategoryDays }),
        ok: () => ({
          status: 200,
          check: (res) =>
            res.body.code === 'other' && res.body.defaultDueWorkingDays === otherCategoryDays ? null : res.text,
        }),
        row: async () => (await t.db.query(`SELECT * FROM categories ORDER BY code`)) as unknown,
      },
      {
        key: 'POST /api/v1/enterprises/import',
        roles: CREATORS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/enterprises/import?dryRun=true'))
            .set(auth(cell.who))
            .attach('file', Buffer.from(`企业名称,县区\n矩阵导入企业${unique()},肃州区\n`), {
              filename: 'import.csv',
              contentType: 'text/csv',
            }),
        ok: () => ({
          status: 200,
          check: (res) =>
            res.body.total === 1 && res.body.created === 1 && res.body.rejected.length === 0 ? null : res.text,
        }),
      },
      simpleGet(
        'GET /api/v1/enterprises/import/template',
        '/enterprises/import/template?format=csv',
        CREATORS,
        (res) => (res.text.includes('企业名称') ? null : res.text),
      ),
      {
        key: 'POST /api/v1/enterprises',
        roles: CREATORS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/enterprises'))
            .set(auth(cell.who))
            .send({ name: `矩阵企业${unique()}`, district: 'yumen' }),
        ok: () => ({ status: 201, check: (res) => (res.body.id && res.body.district === 'yumen' ? null : res.text) }),
      },
      simpleGet('GET /api/v1/enterprises', '/enterprises', CREATORS, (res) =>
        Array.isArray(res.body.items) && res.body.items.length >= 2 ? null : res.text,
      ),
      enterpriseRead('GET /api/v1/enterprises/{id}', '', (res) =>
        res.body.id === entB.id && res.headers.etag === `"${res.body.version}"` ? null : res.text,
      ),
      enterpriseRead('GET /api/v1/enterprises/{id}/changes', '/changes', (res) =>
        Array.isArray(res.body) ? null : res.text,
      ),
      enterpriseRead('GET /api/v1/enterprises/{id}/responsibilities', '/responsibilities', (res) =>
        Array.isArray(res.body) && res.body.some((r: { userId: string }) => r.userId === users.official.id)
          ? null
          : res.text,
      ),
      {
        key: 'PATCH /api/v1/enterprises/{id}',
        roles: CREATORS,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell) => {
          if (cell.obj !== 'existing') return { id: cell.obj === 'missing' ? MISSING_ID : MALFORMED_ID, version: 1 };
          const [row] = await t.db.query(`SELECT version FROM enterprises WHERE id = $1`, [entC.id]);
          return { id: entC.id, version: row.version };
        },
        send: (cell, ctx) =>
          t
            .http()
            .patch(api(`/enterprises/${ctx.id}`))
            .set(auth(cell.who))
            .set('If-Match', `"${ctx.version}"`)
            .send({ contactName: `联系人${unique()}` }),
        // An official who does not answer for the enterprise may not edit it.
        decide: (cell) =>
          cell.who === 'official' && cell.obj === 'existing' ? { status: 403, code: 'FORBIDDEN' } : undefined,
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.version === ctx.version! + 1 && res.headers.etag === `"${ctx.version! + 1}"` ? null : res.text,
        }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? (await t.db.query(`SELECT version, contact_name FROM enterprises WHERE id = $1`, [ctx.id]))[0]
            : null,
      },
      {
        key: 'POST /api/v1/enterprises/{id}/responsibilities',
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell, allowed) => {
          if (cell.obj !== 'existing') return { id: cell.obj === 'missing' ? MISSING_ID : MALFORMED_ID };
          return { id: allowed ? (await f.enterprise(users.manager)).id : entC.id };
        },
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/enterprises/${ctx.id}/responsibilities`))
            .set(auth(cell.who))
            .send({ userId: users.official.id, kind: 'official' }),
        ok: () => ({
          status: 201,
          check: async (res, ctx) =>
            res.body.enterpriseId === ctx.id &&
            (await t.db.query(`SELECT 1 FROM responsibilities WHERE id = $1 AND ends_at IS NULL`, [res.body.id]))
              .length === 1
              ? null
              : res.text,
        }),
      },
      {
        key: 'POST /api/v1/responsibilities/{id}/end',
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell, allowed) => {
          if (cell.obj !== 'existing') return { id: cell.obj === 'missing' ? MISSING_ID : MALFORMED_ID };
          if (!allowed) return { id: sharedResponsibility };
          const e = await f.enterprise(users.manager);
          const res = await t
            .http()
            .post(api(`/enterprises/${e.id}/responsibilities`))
            .set(adminAuth)
            .send({
              userId: users.manager.id,
              kind: 'leader',
              startsAt: new Date(Date.now() - 86_400_000).toISOString(),
            });
          return { id: res.body.id };
        },
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/responsibilities/${ctx.id}/end`))
            .set(auth(cell.who))
            .send({ reason: '矩阵结束' }),
        ok: () => ({
          status: 200,
          check: (res, ctx) => (res.body.id === ctx.id && res.body.endReason === '矩阵结束' ? null : res.text),
        }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT ends_at, end_reason FROM responsibilities WHERE id = $1`, [ctx.id]))[0] ??
              null)
            : null,
      },
      {
        key: 'POST /api/v1/responsibilities/handover',
        roles: MANAGERS,
        objects: ['none'],
        write: true,
        prepare: async (_cell, allowed) => {
          const from = allowed ? await f.user('official') : users.official;
          if (allowed) {
            await t
              .http()
              .post(api(`/enterprises/${(await f.enterprise(users.manager)).id}/responsibilities`))
              .set(adminAuth)
              .send({ userId: from.id, kind: 'official', startsAt: new Date(Date.now() - 86_400_000).toISOString() })
              .expect(201);
          }
          return { data: { fromUserId: from.id, toUserId: users.manager.id, reason: '矩阵交接' } };
        },
        send: (cell, ctx) => t.http().post(api('/responsibilities/handover')).set(auth(cell.who)).send(ctx.data!),
        ok: () => ({
          status: 200,
          check: (res) => (res.body.ended === 1 && res.body.started === 1 ? null : res.text),
        }),
      },
      {
        key: 'POST /api/v1/responsibilities/import',
        roles: MANAGERS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/responsibilities/import?dryRun=true'))
            .set(auth(cell.who))
            .attach('file', Buffer.from(`企业名称,用户名\n${entNameC},${users.official.username}\n`), {
              filename: 'assign.csv',
              contentType: 'text/csv',
            }),
        ok: () => ({
          status: 200,
          check: (res) =>
            res.body.total === 1 && res.body.valid === 1 && res.body.applied === false ? null : res.text,
        }),
      },
      simpleGet(
        'GET /api/v1/responsibilities/import/template',
        '/responsibilities/import/template?format=csv',
        MANAGERS,
        (res) => (res.text.includes('用户名') ? null : res.text),
      ),
      simpleGet('GET /api/v1/responsibilities/candidates', '/responsibilities/candidates', MANAGERS, (res) =>
        Array.isArray(res.body) && res.body.some((u: { id: string }) => u.id === users.official.id) ? null : res.text,
      ),
      simpleGet('GET /api/v1/tiers', '/tiers', ALL_ROLES, (res) =>
        Array.isArray(res.body) && res.body.length === 3 ? null : res.text,
      ),
      {
        key: 'PUT /api/v1/tiers/{code}',
        roles: ['admin'],
        objects: ['missing', 'existing'],
        write: true,
        prepare: async (cell) => ({ id: cell.obj === 'missing' ? 'no_such_tier' : 'other' }),
        send: (cell, ctx) =>
          t
            .http()
            .put(api(`/tiers/${ctx.id}`))
            .set(auth(cell.who))
            .send({ visitIntervalDays: 90 }),
        ok: () => ({
          status: 200,
          check: (res) => (res.body.code === 'other' && res.body.visitIntervalDays === 90 ? null : res.text),
        }),
      },
      simpleGet('GET /api/v1/me/enterprises', '/me/enterprises', CREATORS, (res) =>
        Array.isArray(res.body.items) ? null : res.text,
      ),
      {
        key: 'POST /api/v1/enterprises/{id}/production-status',
        roles: CREATORS,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell) => {
          // The official answers for entA, so may record its status; other officials get 403.
          await t.db.query(
            `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
             SELECT $1, $2, 'official', now() - interval '1 day', $2
             WHERE NOT EXISTS (SELECT 1 FROM responsibilities WHERE enterprise_id = $1 AND user_id = $2 AND ends_at IS NULL)`,
            [entA.id, users.official.id],
          );
          return { id: cell.obj === 'missing' ? MISSING_ID : cell.obj === 'malformed' ? MALFORMED_ID : entA.id };
        },
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/enterprises/${ctx.id}/production-status`))
            .set(auth(cell.who))
            .send({ status: 'reduced', note: '矩阵' }),
        ok: () => ({
          status: 201,
          check: (res) =>
            res.body.event?.status === 'reduced' && res.body.current?.status === 'reduced' ? null : res.text,
        }),
        row: async () =>
          (await t.db.query(
            `SELECT production_status, production_status_since FROM enterprises ORDER BY id`,
          )) as unknown,
      },
      enterpriseRead('GET /api/v1/enterprises/{id}/production-status', '/production-status', (res) =>
        res.body.enterpriseId === entB.id && Array.isArray(res.body.items) ? null : res.text,
      ),
      simpleGet(
        'GET /api/v1/reports/production',
        '/reports/production?period=2025-Q1&groupBy=district',
        MANAGERS,
        (res) => (res.body.resumptionRate && Array.isArray(res.body.groups) ? null : res.text),
      ),
      {
        key: 'POST /api/v1/visits',
        roles: CREATORS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/visits'))
            .set(auth(cell.who))
            .send({
              enterpriseId: entA.id,
              visitedAt: new Date(Date.now() - 3600_000).toISOString(),
              purpose: '矩阵走访',
            }),
        ok: () => ({
          status: 201,
          check: (res) => (res.body.id && res.body.enterpriseId === entA.id ? null : res.text),
        }),
      },
      exportSpec('csv', '', () => true),
      exportSpec('csv', `departmentId=${deptB.id}`, (row) => row.departmentId === deptB.id),
      exportSpec('xlsx', '', () => true),
      {
        key: 'POST /api/v1/problems',
        roles: CREATORS,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/problems'))
            .set(auth(cell.who))
            .send({ enterpriseId: entA.id, title: `矩阵登记${unique()}`, category: 'financing' }),
        ok: () => ({
          status: 201,
          check: (res) => (res.body.status === 'reported' && res.body.version === 1 && res.body.code ? null : res.text),
        }),
      },
      listSpec('all', '', 200, () => true),
      listSpec('departmentId=B', `departmentId=${deptB.id}`, 200, (row) => row.departmentId === deptB.id),
      listSpec('departmentId=A', `departmentId=${deptA.id}`, 200, (row) => row.departmentId === deptA.id),
      listSpec('enterpriseId=entB', `enterpriseId=${entB.id}`, 200, (row) => row.enterpriseId === entB.id),
      listSpec('q=乙部门专属', `q=${encodeURIComponent(MARK.B)}`, 200, (row) => row.title.includes(MARK.B)),
      listSpec(
        'every status, pages of 7',
        'status=reported,assigned,in_progress,resolved,closed,withdrawn',
        7,
        () => true,
      ),
      listSpec('sort=dueAt, pages of 9', 'sort=dueAt', 9, () => true),
      listSpec(
        'overdue=true',
        'overdue=true',
        200,
        (row) => row.id === warningFixtures.A || row.id === warningFixtures.B,
      ),
      {
        key: 'GET /api/v1/problems/{id}',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        scoped: true,
        prepare: problemTarget('in_progress', false),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/problems/${ctx.id}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.id === ctx.id &&
            res.body.departmentId === deptOf(ctx.dept!).id &&
            res.headers.etag === `"${res.body.version}"` &&
            Array.isArray(res.body.events)
              ? null
              : `${res.headers.etag} ${res.text.slice(0, 200)}`,
        }),
      },
      ...(
        [
          'assign',
          'accept',
          'progress',
          'resolve',
          'return',
          'verify',
          'reopen',
          'withdraw',
          'escalate',
          'request_extension',
          'approve_extension',
          'refuse_extension',
          'lift',
        ] as const
      ).map(actionSpec),
      assistSpec('assist_progress'),
      assistSpec('assist_done'),
      simpleGet('GET /api/v1/reports/assists', '/reports/assists?period=2025-Q1&groupBy=department', MANAGERS, (res) =>
        typeof res.body.assigned === 'number' && Array.isArray(res.body.groups) ? null : res.text,
      ),
      simpleGet('GET /api/v1/extensions', '/extensions?status=pending', ['admin', 'manager', 'handler'], (res) =>
        Array.isArray(res.body.items) ? null : res.text,
      ),
      simpleGet('GET /api/v1/reports/bounced', '/reports/bounced?period=2025-Q1', MANAGERS, (res) =>
        Array.isArray(res.body.items) && res.body.period?.label === '2025-Q1' ? null : res.text,
      ),
      {
        key: 'GET /api/v1/supervisions',
        roles: ['admin', 'manager', 'handler'],
        objects: ['none'],
        write: false,
        send: (cell) => t.http().get(api('/supervisions?status=all&limit=200')).set(auth(cell.who)),
        ok: (cell) => ({
          status: 200,
          check: async (res) => {
            // Handlers see the supervisions of the problems they may read; the others all.
            const problems = new Map((await problemRows()).map((row) => [row.id, row]));
            const rows: { id: string; problem_id: string }[] = await t.db.query(
              `SELECT id, problem_id FROM supervisions`,
            );
            const expected = rows
              .filter((row) => scopeOf(cell.who, 'read')(problems.get(row.problem_id)!))
              .map((row) => row.id);
            if (!Array.isArray(res.body.items)) return res.text;
            return sameSet(
              res.body.items.map((item: { id: string }) => item.id),
              expected,
            );
          },
        }),
      },
      simpleGet('GET /api/v1/reports/resolution-rate', '/reports/resolution-rate?period=2025-Q1', MANAGERS, (res) =>
        typeof res.body.recorded === 'number' ? null : res.text,
      ),
      simpleGet(
        'GET /api/v1/reports/{figure}/items',
        '/reports/resolution-rate/items?period=2025-Q1',
        MANAGERS,
        (res) => (typeof res.body.total === 'number' && Array.isArray(res.body.items) ? null : res.text),
      ),
      simpleGet('GET /api/v1/reports/definitions', '/reports/definitions', MANAGERS, isArray(8)),
      {
        key: 'POST /api/v1/reports/published',
        roles: MANAGERS,
        objects: ['none'],
        write: true,
        send: (cell) => {
          publishSerial += 1;
          const asOf = DateTime.fromISO('2025-04-01T00:00:00+08:00').plus({ seconds: publishSerial }).toISO()!;
          return t
            .http()
            .post(api('/reports/published'))
            .set(auth(cell.who))
            .send({ figure: 'resolution-rate', period: '2025-Q1', asOf, note: '矩阵' });
        },
        ok: () => ({
          status: 201,
          check: (res) =>
            res.body.definition === 'resolution-rate/v1' && /^[0-9a-f]{64}$/.test(res.body.checksum)
              ? null
              : res.text.slice(0, 200),
        }),
      },
      simpleGet('GET /api/v1/reports/published', '/reports/published?figure=resolution-rate', MANAGERS, (res) =>
        Array.isArray(res.body.items) ? null : res.text.slice(0, 200),
      ),
      ...(['', '/items', '/reconciliation'] as const).map((suffix): Spec => ({
        key: `GET /api/v1/reports/published/{id}${suffix}`,
        roles: MANAGERS,
        objects: ['missing', 'malformed', 'existing'],
        write: false,
        prepare: async (cell) => ({
          id: cell.obj === 'missing' ? MISSING_ID : cell.obj === 'malformed' ? MALFORMED_ID : await aPublishedFigure(),
        }),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/reports/published/${ctx.id}${suffix}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res, ctx) => {
            const id = suffix === '' ? res.body.id : res.body.published?.id;
            return id === ctx.id ? null : res.text.slice(0, 200);
          },
        }),
      })),
      simpleGet('GET /api/v1/reports/figures', '/reports/figures?period=2025-Q1&groupBy=department', MANAGERS, (res) =>
        res.body.period ? null : res.text,
      ),
      simpleGet('GET /api/v1/reports/visits', '/reports/visits?period=2025-Q1&groupBy=district', MANAGERS, (res) =>
        typeof res.body.enterprisesResponsible === 'number' && Array.isArray(res.body.groups) ? null : res.text,
      ),
      {
        ...simpleGet('GET /api/v1/reports/weekly', '', MANAGERS),
        variant: 'docx',
        send: (cell) =>
          t
            .http()
            .get(api(`/reports/weekly?week=${isoWeek()}&format=docx`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res) =>
            String(res.headers['content-type']).includes('wordprocessingml')
              ? null
              : String(res.headers['content-type']),
        }),
      },
      simpleGet('GET /api/v1/reports/trend', '/reports/trend?granularity=quarter&periods=2', MANAGERS, (res) =>
        Array.isArray(res.body.points) && res.body.points.length === 2 ? null : res.text,
      ),
      ...assessmentSpecs(),
      {
        ...simpleGet('GET /api/v1/reports/weekly', '', MANAGERS),
        send: (cell) =>
          t
            .http()
            .get(api(`/reports/weekly?week=${isoWeek()}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res) => (res.body.week?.label === isoWeek() ? null : res.text.slice(0, 200)),
        }),
      },
      {
        ...simpleGet('GET /api/v1/reports/weekly', '', MANAGERS),
        variant: 'html',
        send: (cell) =>
          t
            .http()
            .get(api(`/reports/weekly?week=${isoWeek()}&format=html`))
            .set(auth(cell.who)),
        ok: () => ({ status: 200, check: (res) => (res.text.includes('<html') ? null : res.text.slice(0, 200)) }),
      },
      warningSpec(undefined),
      warningSpec('overdue'),
      warningSpec('due_soon'),
      warningSpec('stale'),
      warningSpec('not_visited'),
      warningSpec('unassigned'),
      warningSpec('project_not_started'),
      warningSpec('idle_not_visited'),
      warningSpec('supervision_overdue'),
      {
        ...simpleGet('GET /api/v1/me/saved-views', '/me/saved-views', ALL_ROLES),
        prepare: async (cell, allowed) => {
          if (allowed) await savedView(cell.who as Exclude<Who, 'anonymous'>, `列表${unique()}`);
          return {};
        },
        ok: (cell) => ({
          status: 200,
          check: async (res) => {
            const own: { id: string }[] = await t.db.query(`SELECT id FROM saved_views WHERE user_id = $1`, [
              users[cell.who as Exclude<Who, 'anonymous'>].id,
            ]);
            return Array.isArray(res.body) &&
              res.body.length > 0 &&
              sameSet(
                res.body.map((v: { id: string }) => v.id),
                own.map((v) => v.id),
              ) === null
              ? null
              : res.text;
          },
        }),
      },
      {
        key: 'POST /api/v1/me/saved-views',
        roles: ALL_ROLES,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/me/saved-views'))
            .set(auth(cell.who))
            .send({ name: `矩阵视图${unique()}`, query: 'status=assigned' }),
        ok: (cell) => ({
          status: 201,
          check: async (res) =>
            (
              await t.db.query(`SELECT 1 FROM saved_views WHERE id = $1 AND user_id = $2`, [
                res.body.id,
                users[cell.who as Exclude<Who, 'anonymous'>].id,
              ])
            ).length === 1
              ? null
              : res.text,
        }),
      },
      {
        key: 'DELETE /api/v1/me/saved-views/{id}',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: async (cell, allowed) => {
          if (cell.obj !== 'existing') return { id: cell.obj === 'missing' ? MISSING_ID : MALFORMED_ID };
          // The caller's own view when the call may succeed; someone else's otherwise.
          return { id: await savedView(allowed ? (cell.who as Exclude<Who, 'anonymous'>) : 'admin', `删${unique()}`) };
        },
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/me/saved-views/${ctx.id}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) =>
            (await t.db.query(`SELECT 1 FROM saved_views WHERE id = $1`, [ctx.id])).length === 0 ? null : 'not deleted',
        }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT name, query FROM saved_views WHERE id = $1`, [ctx.id]))[0] ?? null)
            : null,
      },
      {
        key: 'DELETE /api/v1/me/saved-views/{id}',
        variant: "another user's view",
        roles: ALL_ROLES,
        objects: ['missing', 'existing'],
        write: true,
        prepare: async (cell) => ({
          id:
            cell.obj === 'missing'
              ? MISSING_ID
              : await savedView(cell.who === 'admin' ? 'manager' : 'admin', `他人${unique()}`),
        }),
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/me/saved-views/${ctx.id}`))
            .set(auth(cell.who)),
        decide: () => ({ status: 404, code: 'NOT_FOUND', sameAsMissing: true }),
        ok: () => ({ status: 404, code: 'NOT_FOUND' }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT name, query FROM saved_views WHERE id = $1`, [ctx.id]))[0] ?? null)
            : null,
      },
      {
        key: 'POST /api/v1/warnings/scan',
        roles: ['admin'],
        objects: ['none'],
        write: true,
        send: (cell) => t.http().post(api('/warnings/scan')).set(auth(cell.who)),
        ok: () => ({ status: 200, check: (res) => (res.body.ran === true ? null : res.text) }),
      },
      ...projectSpecs(),
      ...notificationSpecs(),
    ];
  }

  /** The notification routes (issue 16): the caller's own inbox and choices, the admin's channels and deliveries. */
  function notificationSpecs(): Spec[] {
    const notificationOf = async (who: Exclude<Who, 'anonymous'>): Promise<string> =>
      (
        await t.db.query(
          `INSERT INTO notifications (user_id, type, title, body, dedupe_key) VALUES ($1, 'weekly_ready', '矩阵通知', '矩阵', $2)
           RETURNING id`,
          [users[who].id, `matrix:${unique()}`],
        )
      )[0].id;
    // Switched off, so that no assignment of the matrix sends anything through it.
    const channel = async (): Promise<string> =>
      (
        await t.db.query(
          `INSERT INTO notification_channels (kind, name, department_id, target, secret, enabled)
           VALUES ('webhook', $1, $2, 'http://127.0.0.1:9/hook', 'matrix-secret-value', false) RETURNING id`,
          [`矩阵渠道${unique()}`, deptA.id],
        )
      )[0].id;
    const failedDelivery = async (): Promise<string> =>
      (
        await t.db.query(
          `INSERT INTO notification_deliveries (channel_id, message_key, type, title, body, status, attempts, last_error)
           VALUES ($1, $2, 'weekly_ready', '矩阵投递', '矩阵', 'failed', 5, 'HTTP 500') RETURNING id`,
          [await channel(), `matrix:${unique()}`],
        )
      )[0].id;
    const idFor = async (cell: Cell, make: () => Promise<string>): Promise<Ctx> =>
      cell.obj === 'missing'
        ? { id: MISSING_ID }
        : cell.obj === 'malformed'
          ? { id: MALFORMED_ID }
          : { id: await make() };
    const noSecret = (res: Response) => (textOf(res).includes('matrix-secret-value') ? 'a secret in the answer' : null);
    const channelRow = async (ctx: Ctx) =>
      ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
        ? ((
            await t.db.query(`SELECT name, target, secret, enabled FROM notification_channels WHERE id = $1`, [ctx.id])
          )[0] ?? null)
        : null;
    return [
      simpleGet('GET /api/v1/notifications', '/notifications', ALL_ROLES, (res) =>
        Array.isArray(res.body.items) && typeof res.body.unreadCount === 'number' ? null : res.text,
      ),
      {
        key: 'POST /api/v1/notifications/read-all',
        roles: ALL_ROLES,
        objects: ['none'],
        write: true,
        send: (cell) => t.http().post(api('/notifications/read-all')).set(auth(cell.who)),
        ok: () => ({ status: 200, check: (res) => (typeof res.body.updated === 'number' ? null : res.text) }),
      },
      {
        key: 'POST /api/v1/notifications/{id}/read',
        roles: ALL_ROLES,
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        // The caller's own notification when the call may succeed; the admin's otherwise.
        prepare: (cell, allowed) =>
          idFor(cell, () => notificationOf(allowed ? (cell.who as Exclude<Who, 'anonymous'>) : 'admin')),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/notifications/${ctx.id}/read`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: async (res, ctx) =>
            (await t.db.query(`SELECT 1 FROM notifications WHERE id = $1 AND read_at IS NOT NULL`, [ctx.id])).length ===
            1
              ? null
              : res.text,
        }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [ctx.id]))[0] ?? null)
            : null,
      },
      {
        key: 'POST /api/v1/notifications/{id}/read',
        variant: "another user's notification",
        roles: ALL_ROLES,
        objects: ['missing', 'existing'],
        write: true,
        prepare: async (cell) => ({
          id: cell.obj === 'missing' ? MISSING_ID : await notificationOf(cell.who === 'admin' ? 'manager' : 'admin'),
        }),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/notifications/${ctx.id}/read`))
            .set(auth(cell.who)),
        decide: () => ({ status: 404, code: 'NOT_FOUND', sameAsMissing: true }),
        ok: () => ({ status: 404, code: 'NOT_FOUND' }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [ctx.id]))[0] ?? null)
            : null,
      },
      simpleGet('GET /api/v1/me/notification-preferences', '/me/notification-preferences', ALL_ROLES, (res) =>
        Array.isArray(res.body.items) && res.body.items.length === 12 ? null : res.text,
      ),
      {
        key: 'PUT /api/v1/me/notification-preferences',
        roles: ALL_ROLES,
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .put(api('/me/notification-preferences'))
            .set(auth(cell.who))
            .send({ items: [{ type: 'overdue', wecom: false }] }),
        ok: (cell) => ({
          status: 200,
          check: async (res) =>
            (
              await t.db.query(
                `SELECT 1 FROM notification_preferences WHERE user_id = $1 AND kind = 'wecom' AND type = 'overdue' AND NOT enabled`,
                [users[cell.who as Exclude<Who, 'anonymous'>].id],
              )
            ).length === 1
              ? null
              : res.text,
        }),
      },
      simpleGet('GET /api/v1/admin/notification-channels', '/admin/notification-channels', ['admin'], (res) =>
        Array.isArray(res.body.items) ? noSecret(res) : res.text,
      ),
      {
        key: 'POST /api/v1/admin/notification-channels',
        roles: ['admin'],
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .post(api('/admin/notification-channels'))
            .set(auth(cell.who))
            .send({
              kind: 'dingtalk',
              name: `矩阵钉钉${unique()}`,
              departmentId: deptB.id,
              target: 'https://oapi.dingtalk.com/robot/send?access_token=matrix-secret-value',
              secret: 'matrix-secret-value',
              enabled: false,
            }),
        ok: () => ({
          status: 201,
          check: async (res) =>
            noSecret(res) ??
            ((
              await t.db.query(`SELECT 1 FROM notification_channels WHERE id = $1 AND token IS NOT NULL`, [res.body.id])
            ).length === 1
              ? null
              : res.text),
        }),
      },
      {
        key: 'PATCH /api/v1/admin/notification-channels/{id}',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: (cell) => idFor(cell, channel),
        send: (cell, ctx) =>
          t
            .http()
            .patch(api(`/admin/notification-channels/${ctx.id}`))
            .set(auth(cell.who))
            .send({ name: '矩阵改名' }),
        ok: () => ({
          status: 200,
          check: (res) =>
            noSecret(res) ?? (res.body.name === '矩阵改名' && res.body.hasSecret === true ? null : res.text),
        }),
        row: channelRow,
      },
      {
        key: 'DELETE /api/v1/admin/notification-channels/{id}',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: (cell) => idFor(cell, channel),
        send: (cell, ctx) =>
          t
            .http()
            .delete(api(`/admin/notification-channels/${ctx.id}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 204,
          check: async (_res, ctx) =>
            (await t.db.query(`SELECT 1 FROM notification_channels WHERE id = $1`, [ctx.id])).length === 0
              ? null
              : 'not deleted',
        }),
        row: channelRow,
      },
      simpleGet('GET /api/v1/admin/notification-deliveries', '/admin/notification-deliveries', ['admin'], (res) =>
        Array.isArray(res.body.items) ? null : res.text,
      ),
      {
        ...simpleGet(
          'GET /api/v1/admin/notification-deliveries',
          '/admin/notification-deliveries?status=failed',
          ['admin'],
          (res) =>
            Array.isArray(res.body.items) && res.body.items.every((d: { status: string }) => d.status === 'failed')
              ? null
              : res.text,
        ),
        variant: 'the dead-letter list',
      },
      {
        key: 'POST /api/v1/admin/notification-deliveries/{id}/retry',
        roles: ['admin'],
        objects: ['missing', 'malformed', 'existing'],
        write: true,
        prepare: (cell) => idFor(cell, failedDelivery),
        send: (cell, ctx) =>
          t
            .http()
            .post(api(`/admin/notification-deliveries/${ctx.id}/retry`))
            .set(auth(cell.who)),
        ok: () => ({ status: 200, check: (res) => (res.body.status === 'pending' ? null : res.text) }),
        row: async (ctx) =>
          ctx.id && /^[0-9a-f-]{36}$/.test(ctx.id)
            ? ((await t.db.query(`SELECT status, attempts FROM notification_deliveries WHERE id = $1`, [ctx.id]))[0] ??
              null)
            : null,
      },
      ...trackingSpecs(),
    ];
  }

  // ---------------------------------------------------------------------------------------------
  // The rules
  // ---------------------------------------------------------------------------------------------

  /**
   * The department assessment: managers and admins read every department's row, a handler only
   * their own (the other department's deductions answer exactly like a missing department's); only
   * an admin records weights.
   */
  function assessmentSpecs(): Spec[] {
    const month = () => DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const WITH_HANDLERS: Role[] = [...MANAGERS, 'handler'];
    const weightRows = async () => Number((await t.db.query(`SELECT count(*) AS n FROM assessment_weights`))[0].n);
    const ownOnly = (res: Response, cell: Cell) => {
      if (!Array.isArray(res.body.departments)) return res.text.slice(0, 200);
      if (roleOf(cell.who) !== 'handler') return null;
      const own = users[cell.who as 'handlerA' | 'handlerB'].departmentId;
      return res.body.departments.every((d: { departmentId: string }) => d.departmentId === own)
        ? null
        : `a handler saw ${res.text.slice(0, 200)}`;
    };
    return [
      {
        ...simpleGet('GET /api/v1/reports/assessment', '', WITH_HANDLERS),
        send: (cell) =>
          t
            .http()
            .get(api(`/reports/assessment?period=${month()}`))
            .set(auth(cell.who)),
        ok: () => ({ status: 200, check: (res, _ctx, cell) => ownOnly(res, cell) }),
      },
      {
        ...simpleGet('GET /api/v1/reports/assessment', '', WITH_HANDLERS),
        variant: 'xlsx',
        send: (cell) =>
          t
            .http()
            .get(api(`/reports/assessment?period=${month()}&format=xlsx`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res) =>
            String(res.headers['content-type']).includes('spreadsheetml') ? null : String(res.headers['content-type']),
        }),
      },
      {
        key: 'GET /api/v1/reports/assessment/{departmentId}/deductions',
        roles: WITH_HANDLERS,
        objects: ['missing', 'malformed', 'deptA', 'deptB'],
        write: false,
        scoped: true,
        prepare: async (cell) => ({
          id:
            cell.obj === 'missing'
              ? MISSING_ID
              : cell.obj === 'malformed'
                ? MALFORMED_ID
                : deptOf(cell.obj === 'deptA' ? 'A' : 'B').id,
        }),
        send: (cell, ctx) =>
          t
            .http()
            .get(api(`/reports/assessment/${ctx.id}/deductions?period=${month()}`))
            .set(auth(cell.who)),
        ok: () => ({
          status: 200,
          check: (res, ctx) =>
            res.body.departmentId === ctx.id && Array.isArray(res.body.items) ? null : res.text.slice(0, 200),
        }),
      },
      simpleGet('GET /api/v1/assessment/weights', '/assessment/weights', MANAGERS, (res) =>
        res.body.weights && Array.isArray(res.body.history) ? null : res.text,
      ),
      {
        key: 'PUT /api/v1/assessment/weights',
        roles: ['admin'],
        objects: ['none'],
        write: true,
        send: (cell) =>
          t
            .http()
            .put(api('/assessment/weights'))
            .set(auth(cell.who))
            .send({ signFor: 15, onTime: 30, returns: 10, redos: 10, satisfaction: 25, supervision: 10, note: '矩阵' }),
        ok: () => ({
          status: 200,
          check: async (res) => {
            const [last] = await t.db.query(
              `SELECT note FROM assessment_weights ORDER BY recorded_at DESC, id DESC LIMIT 1`,
            );
            return res.body.history?.[0]?.note === '矩阵' && last?.note === '矩阵' ? null : res.text.slice(0, 200);
          },
        }),
        row: weightRows,
      },
    ];
  }

  function expected(spec: Spec, cell: Cell): Expectation {
    if (spec.roles === 'public') return spec.ok(cell);
    const role = roleOf(cell.who);
    if (role === null) return { status: 401, code: 'UNAUTHENTICATED' };
    if (!spec.roles.includes(role)) return { status: 403, code: 'FORBIDDEN' };
    if (cell.obj === 'missing' || cell.obj === 'malformed') {
      const notFound = spec.notFound?.(cell) ?? { status: 404, code: 'NOT_FOUND' };
      return { ...notFound, sameAsMissing: cell.obj === 'malformed' && notFound.status === 404 };
    }
    if (spec.scoped && role === 'handler' && !ownDept(cell)) {
      return { status: 404, code: 'NOT_FOUND', sameAsMissing: true };
    }
    return spec.decide?.(cell) ?? spec.ok(cell);
  }

  async function runCell(spec: Spec, cell: Cell, missingResponse: Map<string, Response>): Promise<Response> {
    const expectation = expected(spec, cell);
    const allowed = expectation.status < 400;
    const ctx = spec.prepare ? await spec.prepare(cell, allowed) : {};
    const label = `${spec.key}${spec.variant ? ` [${spec.variant}]` : ''} ${cell.who} ${cell.obj}`;
    const countsBefore = !allowed && spec.write ? await tableCounts(t) : undefined;
    const rowBefore = !allowed && spec.row ? JSON.stringify(await spec.row(ctx)) : undefined;

    const res = await spec.send(cell, ctx);
    record(label, cell.who, res);
    endpointCallerObject.add(`${spec.key} ${cell.who} ${cell.obj}`);
    cellsRun += 1;

    const text = textOf(res);
    const describe = () => `expected ${expectation.status}, got ${res.status} ${text.slice(0, 300)}`;
    if (!tally.check(label, res.status === expectation.status, describe)) return res;
    if (expectation.code !== undefined) {
      const json = jsonOf(res);
      tally.check(
        `${label} error shape`,
        json?.statusCode === expectation.status && json?.code === expectation.code && !res.headers.etag,
        () => `${text} etag=${res.headers.etag}`,
      );
    }
    if (expectation.sameAsMissing) {
      const missing = missingResponse.get(`${spec.key}|${spec.variant}|${cell.who}`);
      tally.check(
        `${label} identical to missing`,
        missing !== undefined &&
          missing.status === res.status &&
          textOf(missing) === text &&
          missing.headers['content-type'] === res.headers['content-type'] &&
          missing.headers['content-length'] === res.headers['content-length'] &&
          missing.headers.etag === res.headers.etag,
        () => `missing: ${missing?.status} ${missing && textOf(missing)} / this: ${res.status} ${text}`,
      );
    }
    if (cell.obj === 'missing') missingResponse.set(`${spec.key}|${spec.variant}|${cell.who}`, res);
    if (expectation.check) {
      const problem = await expectation.check(res, ctx, cell);
      tally.check(`${label} content`, problem === null, () => problem!);
    }
    if (countsBefore) {
      const changes = countChanges(countsBefore, await tableCounts(t));
      tally.check(`${label} wrote nothing`, changes.length === 0, () => changes.join(', '));
    }
    if (rowBefore !== undefined) {
      const rowAfter = JSON.stringify(await spec.row!(ctx));
      tally.check(`${label} row unchanged`, rowAfter === rowBefore, () => `${rowBefore} -> ${rowAfter}`);
    }
    return res;
  }

  async function runSpec(spec: Spec): Promise<string[]> {
    const before = tally.mismatches.length;
    const order: Obj[] = ['missing', 'malformed', 'existing', 'none', 'deptA', 'deptB'];
    const objects = [...spec.objects].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const missingResponse = new Map<string, Response>();
    for (const who of WHO) {
      for (const obj of objects) await runCell(spec, { who, obj }, missingResponse);
    }
    return tally.mismatches.slice(before);
  }

  // ---------------------------------------------------------------------------------------------

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'outreach-matrix-'));
    t = await createTestApp({ WARNING_SCAN_INTERVAL_SECONDS: '0', DATA_DIR: dataDir });
    f = new Factory(t);
    adminAuth = await f.admin();
    deptA = await f.department('甲局');
    deptB = await f.department('乙局');
    deptLead = await f.department('主办局');
    const [adminRow] = await t.db.query(`SELECT id FROM users WHERE username = $1`, [ADMIN.username]);
    users.admin = {
      id: adminRow.id,
      username: ADMIN.username,
      role: 'admin',
      departmentId: null,
      token: adminAuth.Authorization.slice(7),
      auth: adminAuth,
    };
    users.manager = await f.user('manager');
    users.official = await f.user('official');
    users.handlerA = await f.user('handler', deptA.id);
    users.handlerB = await f.user('handler', deptB.id);
    loginUser = { username: `login-${unique()}`, password: 'Login-probe-1' };
    await t
      .http()
      .post(api('/users'))
      .set(adminAuth)
      .send({ ...loginUser, displayName: '登录探针', role: 'official' })
      .expect(201);
    entA = await f.enterprise(users.official, { name: `${MARK.A}企业${unique()}` });
    entB = await f.enterprise(users.official, { name: `${MARK.B}企业${unique()}` });
    entNameC = `矩阵丙企业${unique()}`;
    entC = await f.enterprise(users.official, { name: entNameC });
    // The official answers for entB (read back by GET …/responsibilities); a leader's, ended by no refusal.
    await t
      .http()
      .post(api(`/enterprises/${entB.id}/responsibilities`))
      .set(adminAuth)
      .send({ userId: users.official.id, kind: 'official' })
      .expect(201);
    sharedResponsibility = (
      await t
        .http()
        .post(api(`/enterprises/${entA.id}/responsibilities`))
        .set(adminAuth)
        .send({ userId: users.manager.id, kind: 'leader' })
        .expect(201)
    ).body.id;
    [{ days: otherCategoryDays }] = await t.db.query(
      `SELECT default_due_working_days AS days FROM categories WHERE code = 'other'`,
    );

    // A background of problems in every state for both departments, and some never assigned.
    for (const d of ['A', 'B'] as const) {
      for (const state of ['assigned', 'in_progress', 'resolved'] as State[]) await sharedProblem(state, d);
      await problemIn('reported', d);
      // Overdue: the deadline moved into the past in the database (the API refuses a past deadline).
      const overdue = await problemIn('assigned', d);
      await t.db.query(`UPDATE problems SET due_at = now() - interval '5 days' WHERE id = $1`, [overdue.id]);
      warningFixtures[d] = overdue.id;
      // Stale: no action for a month.
      const stale = await problemIn('in_progress', d);
      await t.db.query(`UPDATE problems SET updated_at = now() - interval '30 days' WHERE id = $1`, [stale.id]);
      // Due soon: one working day left.
      const soon = await problemIn('reported', d);
      const assigned = await f.act(
        users.manager,
        soon.id,
        'assign',
        { departmentId: deptOf(d).id, dueInWorkingDays: 1 },
        soon.version,
      );
      expect(assigned.status).toBe(200);
      secrets[d].add(soon.id).add(soon.code);
    }
    unassignedProject = await projectOf(null);
    // An enterprise never visited, long ago: a not_visited warning only managers see.
    await t.db.query(`UPDATE enterprises SET created_at = now() - interval '400 days' WHERE id = $1`, [entB.id]);

    for (const spec of buildSpecs()) {
      const list = byKey.get(spec.key) ?? [];
      list.push(spec);
      byKey.set(spec.key, list);
    }
  });

  afterAll(async () => {
    // `checks`: every assertion the tally counted (status, error shape, content, nothing written…).
    tally.print({
      cells: cellsRun,
      endpointCallerObject: endpointCallerObject.size,
      checks: tally.cells,
      endpoints: byKey.size,
      callers: WHO.length,
      responses: log.seen.length,
    });
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has an expectation for every endpoint of the OpenAPI document, and the document lists every route', async () => {
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThanOrEqual(40);
    const withoutExpectation = documented.filter((key) => !byKey.has(key));
    const notDocumented = [...byKey.keys()].filter((key) => !documented.includes(key));
    expect(withoutExpectation).toEqual([]);
    expect(notDocumented).toEqual([]);

    // Routes the server really registered: an endpoint hidden from the document is caught too.
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: RouteLayer }[] } }).router;
    type RouteLayer = { path: string; methods: Record<string, boolean> };
    const registered = router.stack
      .map((layer) => layer.route)
      .filter((route): route is RouteLayer => !!route && route.path.startsWith('/api/v1/') && !route.path.includes('*'))
      .flatMap((route) =>
        Object.keys(route.methods).map(
          (method) => `${method.toUpperCase()} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
        ),
      );
    expect(registered.length).toBeGreaterThanOrEqual(40);
    expect(registered.filter((key) => !documented.includes(key))).toEqual([]);
  });

  const groups: [string, (key: string) => boolean][] = [
    [
      'health, meta, login, users, reference data and calendar',
      (k) => /health|meta|auth|users|districts|categories|statuses|departments|calendar/.test(k),
    ],
    [
      'enterprises, import and visits',
      (k) => /enterprises|visits/.test(k) && !/responsibilities|reports|attachments/.test(k),
    ],
    ['responsibilities and tiers', (k) => /responsibilities|tiers/.test(k)],
    ['problem create, list, export and read', (k) => /problems(\/export|\/\{id\})?$/.test(k)],
    ['problem actions', (k) => /problems\/\{id\}\/[a-z-]+$/.test(k) && !/\/(attachments|tracking-link)$/.test(k)],
    [
      'reports, warnings, extension requests, supervisions and the assessment',
      (k) => /reports|warnings|extensions|supervisions|assessment/.test(k),
    ],
    ['key projects', (k) => /^[A-Z]+ \/api\/v1\/projects/.test(k)],
    ["the caller's saved views", (k) => /\/me\/saved-views/.test(k)],
    ['notifications: the inbox, preferences, channels and deliveries', (k) => /notification/.test(k)],
    ['tracking links and the tracking page', (k) => /\/tracking-link|\/track\//.test(k)],
    ['attachments', (k) => /\/attachments(\/|$)/.test(k)],
  ];

  it.each(groups)(
    'answers as expected for %s',
    async (_name, belongs) => {
      const specs = [...byKey.entries()].filter(([key]) => belongs(key)).flatMap(([, list]) => list);
      expect(specs.length).toBeGreaterThan(0);
      const mismatches: string[] = [];
      for (const spec of specs) mismatches.push(...(await runSpec(spec)));
      expect(mismatches).toEqual([]);
      // A group runs a few hundred requests one by one: give a loaded machine room.
    },
    180_000,
  );

  it('leaves every shared fixture of the refusals as it was', async () => {
    for (const [key, fixture] of shared) {
      const [row] = await t.db.query(`SELECT version FROM problems WHERE id = $1`, [fixture.id]);
      tally.check(`shared fixture ${key} untouched`, row.version === fixture.version, () => `version ${row.version}`);
      expect({ key, version: row.version }).toEqual({ key, version: fixture.version });
    }
    for (const [d, pending] of sharedAssists) {
      const fixture = await pending;
      const [row] = await t.db.query(
        `SELECT p.version, (SELECT a.status FROM problem_assists a WHERE a.problem_id = p.id) AS part
         FROM problems p WHERE p.id = $1`,
        [fixture.id],
      );
      expect({ d, version: row.version, part: row.part }).toEqual({ d, version: fixture.version, part: 'open' });
    }
  });

  it('keeps a handler to their department when they reuse a cursor another user was handed', async () => {
    const first = await t.http().get(api('/problems?limit=3&sort=reportedAt')).set(users.manager.auth).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    let cursor: string | null = first.body.nextCursor;
    const seen: string[] = [];
    while (cursor) {
      const page = await t
        .http()
        .get(api(`/problems?limit=3&sort=reportedAt&cursor=${encodeURIComponent(cursor)}`))
        .set(users.handlerA.auth);
      record('handlerA GET /problems with the manager cursor', 'handlerA', page);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    }
    expect(seen.length).toBeGreaterThan(0);
    // Only what department A leads, or assists on with an open part.
    const outside = (await problemRows()).filter((row) => seen.includes(row.id) && !scopeOf('handlerA')(row));
    expect(outside).toEqual([]);
    expect((await problemRows()).some((row) => seen.includes(row.id) && row.departmentId === deptA.id)).toBe(true);
  });

  it('never replays one user’s idempotent create to another user holding the same key', async () => {
    const key = `shared-key-${unique()}`;
    const payload = { enterpriseId: entA.id, title: `幂等键${unique()}`, category: 'labour' };
    const mine = await t
      .http()
      .post(api('/problems'))
      .set(users.official.auth)
      .set('Idempotency-Key', key)
      .send(payload);
    const theirs = await t
      .http()
      .post(api('/problems'))
      .set(users.manager.auth)
      .set('Idempotency-Key', key)
      .send(payload);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.createdBy).toBe(users.manager.id);
    const replay = await t
      .http()
      .post(api('/problems'))
      .set(users.official.auth)
      .set('Idempotency-Key', key)
      .send(payload);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(mine.body.id);
  });

  it('sent no password hash in any response and found no mismatch in any cell', () => {
    expect(log.passwordLeaks(['Password-123', 'Matrix-pass-1', loginUser.password])).toEqual([]);
    // Every cell of every endpoint ran: callers × objects of each spec.
    const specs = [...byKey.values()].flat();
    expect(cellsRun).toBe(specs.reduce((sum, spec) => sum + WHO.length * spec.objects.length, 0));
    expect(endpointCallerObject.size).toBeLessThanOrEqual(cellsRun);
    expect(tally.cells).toBeGreaterThan(cellsRun);
    expect(tally.mismatches).toEqual([]);
  });
});
