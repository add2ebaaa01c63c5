import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/locks';
import { hashPassword } from '../users/users.service';
import { DEMO_PASSWORD, DemoSummary, loadDemoData } from './demo-data';

/** Loads the demo data set when the database has no users yet; an advisory lock keeps two starts from both loading it. */
export async function loadDemoDataIfEmpty(db: DataSource): Promise<DemoSummary | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock($1)`, [ADVISORY_LOCKS.demoData]);
    const [{ empty }] = await em.query(
      `SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM problems) AS empty`,
    );
    return empty ? loadDemoData(em, passwordHash) : null;
  });
}
