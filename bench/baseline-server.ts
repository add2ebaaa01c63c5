import Fastify from 'fastify';
import { Pool } from 'pg';
import { problemListQuery, toProblemPage } from '../src/problems/problem-list.sql';
import type { ListProblemsQuery, ProblemSort } from '../src/problems/problem.dto';
import type { Status } from '../src/workflow/statuses';

/**
 * The raw baseline the benchmark measures the service against: fastify and pg, nothing else. It
 * answers the same list page with the same SQL (as a manager sees it) and records a problem with
 * its `created` event in one transaction; no framework, validation, auth, logging or ORM.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=Asia/Shanghai' });
const manager = { id: process.env.BENCH_USER_ID ?? '', role: 'manager' as const, departmentId: null };
const app = Fastify({ logger: false });

app.get('/api/v1/problems', async (request) => {
  const q = request.query as Record<string, string | undefined>;
  const query: ListProblemsQuery = {
    status: q.status ? (q.status.split(',') as Status[]) : undefined,
    departmentId: q.departmentId,
    district: q.district,
    category: q.category,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    sort: q.sort as ProblemSort | undefined,
    limit: q.limit ? Number(q.limit) : undefined,
    cursor: q.cursor,
  };
  const { sql, params, limit } = problemListQuery(manager, query);
  return toProblemPage((await pool.query(sql, params)).rows, limit);
});

app.post('/api/v1/problems', async (request, reply) => {
  const body = request.body as { enterpriseId: string; title: string; category: string; description?: string };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const counter = await client.query(
      `INSERT INTO problem_code_counters (year, last_value) VALUES (extract(year FROM now())::int, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = problem_code_counters.last_value + 1
       RETURNING year, last_value`,
    );
    const { year, last_value: number } = counter.rows[0];
    const inserted = await client.query(
      `INSERT INTO problems (code, enterprise_id, source, category_code, title, description, reported_at, status, created_by)
       VALUES ($1, $2, 'other', $3, $4, $5, now(), 'reported', $6)
       RETURNING id, code, status, version, reported_at AS "reportedAt"`,
      [
        `JQ-${year}-${String(number).padStart(4, '0')}`,
        body.enterpriseId,
        body.category,
        body.title,
        body.description ?? null,
        manager.id,
      ],
    );
    await client.query(
      `INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, at) VALUES ($1, 'created', NULL, 'reported', $2, now())`,
      [inserted.rows[0].id, manager.id],
    );
    await client.query('COMMIT');
    return reply.code(201).send(inserted.rows[0]);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => process.send?.('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
