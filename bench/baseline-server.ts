import Fastify from 'fastify';
import { Pool } from 'pg';
import { problemListQuery, toProblemPage } from '../src/problems/problem-list.sql';
import { CREATE_PROBLEM } from '../src/problems/problem-create.sql';
import type { ListProblemsQuery, ProblemSort } from '../src/problems/problem.dto';
import type { Status } from '../src/workflow/statuses';

/**
 * The raw baseline the benchmark measures the service against: fastify and pg, nothing else. It
 * answers the same list page with the same SQL (as a manager sees it) and records a problem with
 * its `created` event by the service's own prepared statement; no framework, validation, auth,
 * logging or ORM.
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
  // The service's own statement, prepared as the service prepares it: the best raw version of the
  // same work is the same single statement without the framework around it.
  const { rows } = await pool.query({
    name: 'problems.create',
    text: CREATE_PROBLEM,
    values: [
      new Date().getFullYear(),
      body.enterpriseId,
      null,
      'other',
      body.category,
      body.title,
      body.description ?? null,
      new Date(),
      manager.id,
      null,
    ],
  });
  if (rows.length === 0) return reply.code(400).send({ message: 'unknown enterprise or category' });
  return reply.code(201).send(rows[0]);
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => process.send?.('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
