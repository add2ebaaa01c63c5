import type { Client } from 'pg';
import { DEFAULT_PASSWORD_HASH_COST } from '../src/config/app-config';
import { hashPassword } from '../src/users/users.service';

/** The password of every user the benchmark creates. */
export const BENCH_PASSWORD = 'Bench@2025';
export const BENCH_MANAGER = 'bench-manager';
export const DEPARTMENTS = 40;
export const OFFICIALS = 300;

/**
 * The life stories a generated problem follows, step by step: the action, the status before and
 * after, which department the event carries (the first, a second one after a return, or none),
 * and who acts. Recent problems stop where "now" cuts their story, so they are still open.
 * About a tenth are returned or reopened; every one has five to ten events once complete.
 */
const STORIES: [string, string[]][] = [
  ['closed', ['created', 'assign', 'accept', 'progress', 'resolve', 'verify']],
  ['closed_long', ['created', 'assign', 'accept', 'progress', 'progress', 'progress', 'resolve', 'verify']],
  ['returned', ['created', 'assign', 'accept', 'return', 'assign', 'accept', 'progress', 'resolve', 'verify']],
  ['reopened', ['created', 'assign', 'accept', 'resolve', 'reopen', 'progress', 'resolve', 'verify']],
  ['unsatisfied', ['created', 'assign', 'accept', 'resolve', 'verify_unsatisfied', 'progress', 'resolve', 'verify']],
  [
    'escalated',
    ['created', 'assign', 'escalate', 'accept', 'progress', 'progress', 'escalate', 'progress', 'resolve', 'verify'],
  ],
  ['stalled', ['created', 'assign', 'accept', 'progress', 'progress']],
  ['awaiting_verification', ['created', 'assign', 'accept', 'progress', 'resolve']],
  ['withdrawn', ['created', 'assign', 'accept', 'progress', 'withdraw']],
];
/** How often each story is told, in tenths of a percent (sums to 1000). */
const WEIGHTS = [520, 180, 50, 30, 20, 40, 60, 60, 40];

const NEXT_STATUS: Record<string, (from: string) => string> = {
  created: () => 'reported',
  assign: () => 'assigned',
  accept: () => 'in_progress',
  progress: (from) => from,
  escalate: (from) => from,
  resolve: () => 'resolved',
  reopen: () => 'in_progress',
  verify: () => 'closed',
  verify_unsatisfied: () => 'in_progress',
  return: () => 'reported',
  withdraw: () => 'withdrawn',
};

/** One row per story step, with everything the SQL needs to write the event and the problem as of that step. */
function storySteps(): string {
  const rows: string[] = [];
  let cumulative = 0;
  STORIES.forEach(([, actions], story) => {
    let status = '';
    let department = 'none';
    let lastAssign = 0;
    let lastResolve = 0;
    let escalated = false;
    actions.forEach((action, index) => {
      const step = index + 1;
      const from = status;
      status = NEXT_STATUS[action]!(from);
      if (action === 'assign') {
        department = department === 'none' && actions.slice(0, index).includes('return') ? 'second' : department;
        if (department === 'none') department = 'first';
        lastAssign = step;
      }
      const eventDepartment = action === 'return' ? 'none' : department;
      const returnedBy = action === 'return' ? department : 'none';
      if (action === 'return') department = 'none';
      if (action === 'resolve') lastResolve = step;
      if (action === 'escalate') escalated = true;
      const actor = ['accept', 'progress', 'resolve', 'return'].includes(action)
        ? 'handler'
        : action === 'created'
          ? 'official'
          : 'manager';
      rows.push(
        `(${story}, ${step}, ${actions.length}, '${action.replace('_unsatisfied', '')}', ${from ? `'${from}'` : 'NULL'}, '${status}', '${eventDepartment}', '${returnedBy}', '${actor}', ${lastAssign}, ${lastResolve}, ${escalated}, ${action === 'verify_unsatisfied'})`,
      );
    });
    cumulative += WEIGHTS[story]!;
  });
  if (cumulative !== 1000) throw new Error('story weights must sum to 1000');
  return rows.join(',\n');
}

const STORY_BOUNDS = WEIGHTS.map((_, i) => WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));

/**
 * Writes a data set of `problems` problems in a handful of set-based statements (no row-by-row
 * round trips): 40 departments, 300 officials, one enterprise per 20 problems across the
 * districts, problems spread evenly over the five years before now, and their event histories.
 * Deterministic for a given size and day: every choice comes from an md5 of the row number.
 */
/** The table whose row says a data set of that size was written to the end (generateDataset writes it). */
export const MARKER_TABLE = `CREATE TABLE IF NOT EXISTS bench_dataset (problems integer PRIMARY KEY, generated_at timestamptz NOT NULL)`;

export async function generateDataset(db: Client, problems: number, log: (line: string) => void): Promise<void> {
  try {
    await writeDataset(db, problems, log);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const started = Date.now();
  await db.query(`VACUUM ANALYZE`);
  log(`  vacuum analyze: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function writeDataset(db: Client, problems: number, log: (line: string) => void): Promise<void> {
  const enterprises = Math.max(200, Math.round(problems / 20));
  const passwordHash = await hashPassword(BENCH_PASSWORD, DEFAULT_PASSWORD_HASH_COST);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await db.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await db.query(
    `SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET temp_buffers = '2GB'; SET synchronous_commit = off`,
  );
  // All or nothing: a run stopped half-way leaves no partial data set behind. The rows are
  // consistent by construction, so foreign-key triggers are skipped for speed (superuser only).
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  // A uniform number in [0, 1) from a row number and a salt (PostgreSQL's own 64-bit integer hash).
  await db.query(`
    CREATE FUNCTION pg_temp.h(n bigint, salt text) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
      SELECT (hashint8extended(n, ascii(salt)) & 4294967295)::float8 / 4294967296
    $$;
    -- How long after its report a problem's n-th step happened: 30 hours a step, give or take a day.
    CREATE FUNCTION pg_temp.off(n bigint, step int) RETURNS interval LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN step = 1 THEN interval '0' ELSE make_interval(hours => (step - 1) * 30 + floor(pg_temp.h(n * 16 + step, 's') * 24)::int) END
    $$;`);

  await step(
    'departments',
    `INSERT INTO departments (code, name)
     SELECT 'B' || lpad(d::text, 2, '0'), '压测责任单位' || lpad(d::text, 2, '0') FROM generate_series(1, ${DEPARTMENTS}) d`,
  );
  await step(
    'users',
    `INSERT INTO users (username, display_name, role, department_id, password_hash)
     SELECT '${BENCH_MANAGER}', '压测管理员', 'manager', NULL::uuid, $1
     UNION ALL
     SELECT 'bench-official-' || lpad(o::text, 3, '0'), '压测干部' || o, 'official', NULL::uuid, $1 FROM generate_series(1, ${OFFICIALS}) o
     UNION ALL
     SELECT 'bench-handler-' || d.code, '压测办理人' || d.code, 'handler', d.id, $1 FROM departments d WHERE d.code LIKE 'B%'`,
    [passwordHash],
  );
  await step(
    'enterprises',
    `INSERT INTO enterprises (name, district_code, industry, is_above_scale, is_key, tier, created_at)
     SELECT '压测企业' || n || (ARRAY['新能源装备', '风电光伏', '农产品加工', '物流', '文旅', '煤化工'])[1 + n % 6],
            (SELECT array_agg(code ORDER BY code) FROM districts)[1 + n % (SELECT count(*) FROM districts)],
            (ARRAY['new_energy_equipment', 'renewable_power', 'agri_processing', 'logistics', 'tourism', 'coal_coking'])[1 + n % 6],
            n % 3 = 0, n % 10 = 0,
            CASE WHEN n % 10 = 0 THEN 'key' WHEN n % 3 = 0 THEN 'above_scale' ELSE 'other' END,
            now() - interval '6 years'
     FROM generate_series(1, ${enterprises}) n`,
  );
  // Triggers are off (above): the first tier change the schema writes with each enterprise, here.
  await step(
    'enterprise tiers',
    `INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_at) SELECT id, tier, created_at FROM enterprises`,
  );
  await db.query(`
    CREATE TEMP TABLE gen_enterprise AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM enterprises;
    CREATE TEMP TABLE gen_department AS SELECT row_number() OVER (ORDER BY code) AS n, id FROM departments WHERE code LIKE 'B%';
    CREATE TEMP TABLE gen_official AS SELECT row_number() OVER (ORDER BY username) AS n, id FROM users WHERE role = 'official' AND username LIKE 'bench-%';
    CREATE TEMP TABLE gen_handler AS SELECT department_id, min(id::text)::uuid AS id FROM users WHERE role = 'handler' GROUP BY department_id;
    CREATE TEMP TABLE gen_category AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM categories;
    CREATE TEMP TABLE gen_story (story int, step int, steps int, type text, from_status text, to_status text,
      department text, returned_by text, actor text, last_assign int, last_resolve int, escalated boolean, unsatisfied boolean);
    INSERT INTO gen_story VALUES ${storySteps()};
    ALTER TABLE gen_enterprise ADD PRIMARY KEY (n);
    ALTER TABLE gen_department ADD PRIMARY KEY (n);
    ALTER TABLE gen_official ADD PRIMARY KEY (n);
    ALTER TABLE gen_handler ADD PRIMARY KEY (department_id);
    ALTER TABLE gen_category ADD PRIMARY KEY (n);
    ALTER TABLE gen_story ADD PRIMARY KEY (story, step);
    ANALYZE gen_enterprise, gen_department, gen_official, gen_handler, gen_category, gen_story;`);
  const manager = (await db.query(`SELECT id FROM users WHERE username = $1`, [BENCH_MANAGER])).rows[0].id;

  await step(
    'problem plans',
    `CREATE TEMP TABLE gen_problem AS
     WITH pick AS (
       SELECT i AS n, now() - interval '5 years' * pg_temp.h(i, 'r') AS reported_at,
              CASE ${STORY_BOUNDS.map((bound, story) => `WHEN pg_temp.h(i, 't') * 1000 < ${bound} THEN ${story}`).join(' ')} END AS story,
              1 + floor(pg_temp.h(i, 'e') * ${enterprises})::int AS enterprise_n,
              1 + floor(pg_temp.h(i, 'd') * ${DEPARTMENTS})::int AS first_n,
              1 + floor(pg_temp.h(i, 'f') * ${DEPARTMENTS})::int AS second_n,
              1 + floor(pg_temp.h(i, 'o') * ${OFFICIALS})::int AS official_n,
              1 + floor(pg_temp.h(i, 'c') * (SELECT count(*) FROM gen_category))::int AS category_n
       FROM generate_series(1, ${problems}) i
     )
     SELECT pick.n, md5('bench-problem-' || pick.n)::uuid AS id, pick.reported_at, pick.story, e.id AS enterprise_id,
            d1.id AS first_department, d2.id AS second_department, o.id AS official, c.code AS category
     FROM pick
     JOIN gen_enterprise e ON e.n = pick.enterprise_n
     JOIN gen_department d1 ON d1.n = pick.first_n
     JOIN gen_department d2 ON d2.n = pick.second_n
     JOIN gen_official o ON o.n = pick.official_n
     JOIN gen_category c ON c.n = pick.category_n`,
  );
  await step(
    'event plans',
    `CREATE TEMP TABLE gen_event AS
     SELECT p.n, p.id AS problem_id, s.*, p.reported_at + pg_temp.off(p.n, s.step) AS at,
            CASE s.department WHEN 'first' THEN p.first_department WHEN 'second' THEN p.second_department END AS department_id,
            CASE s.returned_by WHEN 'first' THEN p.first_department WHEN 'second' THEN p.second_department END AS returned_by_id,
            CASE s.actor WHEN 'official' THEN p.official WHEN 'manager' THEN $1::uuid
              WHEN 'handler' THEN CASE s.department WHEN 'second' THEN h2.id ELSE h1.id END END AS actor_id,
            s.step = s.steps OR p.reported_at + pg_temp.off(p.n, s.step + 1) >= now() AS is_last
     FROM gen_problem p JOIN gen_story s ON s.story = p.story
     JOIN gen_handler h1 ON h1.department_id = p.first_department
     JOIN gen_handler h2 ON h2.department_id = p.second_department
     WHERE p.reported_at + pg_temp.off(p.n, s.step) < now()`,
    [manager],
  );
  // Secondary indexes are dropped for the bulk insert and built again afterwards from their own
  // definitions (a sorted build is many times faster than millions of random index inserts).
  const { rows: indexes } = await db.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition, c.relname AS name
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid IN ('problems'::regclass, 'problem_events'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  await step(
    'problems',
    `INSERT INTO problems (id, code, enterprise_id, source, category_code, title, description, reported_at, status,
                           department_id, due_at, resolution, satisfaction, escalated, version, created_by, created_at,
                           updated_at, resolved_at, last_event_type)
     SELECT p.id,
            'JQ-' || extract(year FROM p.reported_at AT TIME ZONE 'Asia/Shanghai') || '-' ||
              to_char(row_number() OVER (PARTITION BY extract(year FROM p.reported_at AT TIME ZONE 'Asia/Shanghai') ORDER BY p.reported_at, p.n), 'FM9999990000'),
            p.enterprise_id, (ARRAY['visit', 'visit', 'visit', 'hotline', 'online', 'meeting'])[1 + p.n % 6], p.category,
            '压测问题' || p.n || (ARRAY['：用电报装进度慢', '：融资担保难', '：用工缺口', '：审批时限长', '：政策兑现慢', '：道路配套不足'])[1 + p.n % 6],
            '企业反映的问题说明，编号 ' || p.n, p.reported_at, e.to_status, e.department_id,
            CASE WHEN e.last_assign > 0 THEN p.reported_at + pg_temp.off(p.n, e.last_assign) + interval '15 days' END,
            CASE WHEN e.to_status IN ('resolved', 'closed') THEN '已协调解决' END,
            CASE WHEN e.to_status = 'closed' THEN (ARRAY['satisfied', 'satisfied', 'basically_satisfied'])[1 + p.n % 3] END,
            e.escalated, e.step, p.official, p.reported_at, e.at,
            CASE WHEN e.to_status IN ('resolved', 'closed') THEN p.reported_at + pg_temp.off(p.n, e.last_resolve) END,
            e.type
     FROM gen_problem p JOIN gen_event e ON e.n = p.n AND e.is_last`,
  );
  await step(
    'events',
    `INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
     SELECT problem_id, type, from_status, to_status, department_id, actor_id, at,
            CASE type WHEN 'progress' THEN '推进中：已协调相关单位' WHEN 'return' THEN '不属于本单位职责'
                      WHEN 'resolve' THEN '已协调解决' WHEN 'escalate' THEN '列入督办' WHEN 'reopen' THEN '企业反映未解决'
                      WHEN 'withdraw' THEN '重复问题' END,
            CASE type WHEN 'assign' THEN jsonb_build_object('dueAt', at + interval '15 days')
                      WHEN 'return' THEN jsonb_build_object('returnedBy', returned_by_id)
                      WHEN 'verify' THEN jsonb_build_object('satisfaction',
                        CASE WHEN unsatisfied THEN 'unsatisfied' ELSE (ARRAY['satisfied', 'satisfied', 'basically_satisfied'])[1 + n % 3] END)
                      ELSE '{}' END
     FROM gen_event`,
  );
  const indexStarted = Date.now();
  for (const index of indexes) await db.query(index.definition);
  log(`  ${indexes.length} indexes built in ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`);
  await step(
    'code counters',
    `INSERT INTO problem_code_counters (year, last_value)
     SELECT substr(code, 4, 4)::int, count(*) FROM problems GROUP BY 1
     ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(problem_code_counters.last_value, EXCLUDED.last_value)`,
  );
  await db.query(`INSERT INTO bench_dataset VALUES ($1, now())`, [problems]);
  await db.query('COMMIT');
}
