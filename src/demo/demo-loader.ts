import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/locks';
import { hashPassword } from '../users/users.service';
import type { PasswordHashCost } from '../config/app-config';
import { DEMO_PASSWORD, DEMO_USERS, DemoSummary, loadDemoData } from './demo-data';

/**
 * What a start with DEMO_DATA did: the rows loaded (`notes` say what was left out), or nothing,
 * because the database is in use (every start after the first) or because of the configuration.
 */
export type DemoOutcome =
  | { loaded: DemoSummary; notes: string[] }
  | { loaded?: undefined; skipped: 'in-use' | 'misconfigured'; notes: string[] };

interface Contents {
  problems: number;
  enterprises: number;
  visits: number;
  departments: number;
  /** Users other than the configured admin. */
  users: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Loads the demo data set when the database holds nothing but what migrations seed and, if one is
 * configured, the bootstrap admin (created before this runs). The demo's own `admin` gives way to a
 * configured admin of that name. An advisory lock keeps two starts from both loading it.
 */
export async function loadDemoDataIfEmpty(
  db: DataSource,
  hashCost: PasswordHashCost,
  adminUsername?: string,
): Promise<DemoOutcome> {
  const admin = adminUsername?.toLowerCase();
  const taken = DEMO_USERS.find((u) => u.username.toLowerCase() === admin);
  if (taken && taken.role !== 'admin') {
    return {
      skipped: 'misconfigured',
      notes: [`ADMIN_USERNAME "${adminUsername}" is the name of a demo ${taken.role}: choose another admin name`],
    };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD, hashCost);
  return db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock($1)`, [ADVISORY_LOCKS.demoData]);
    const [found]: Contents[] = await em.query(
      `SELECT (SELECT count(*) FROM problems)::int AS problems,
              (SELECT count(*) FROM enterprises)::int AS enterprises,
              (SELECT count(*) FROM visits)::int AS visits,
              (SELECT count(*) FROM departments)::int AS departments,
              (SELECT count(*) FROM users WHERE $1::text IS NULL OR lower(username) <> $1)::int AS users`,
      [admin ?? null],
    );
    const held = [
      found!.problems && plural(found!.problems, 'problem', 'problems'),
      found!.enterprises && plural(found!.enterprises, 'enterprise', 'enterprises'),
      found!.visits && plural(found!.visits, 'visit', 'visits'),
      found!.departments && plural(found!.departments, 'department', 'departments'),
      found!.users && `${plural(found!.users, 'user', 'users')}${admin ? ' besides the configured admin' : ''}`,
    ].filter((part): part is string => Boolean(part));
    if (held.length > 0) {
      return {
        skipped: 'in-use',
        notes: [`the database already holds ${held.join(', ')}; demo data goes only into an empty one`],
      };
    }
    const loaded = await loadDemoData(em, passwordHash, { skipUsers: taken ? [taken.username] : [] });
    const notes = taken
      ? [`the demo user "${taken.username}" was not created: the configured admin of that name keeps its password`]
      : [];
    return { loaded, notes };
  });
}
