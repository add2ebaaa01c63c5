import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadDemoDataIfEmpty } from '../demo/demo-loader';
import { UsersService } from '../users/users.service';
import { runMigrations } from './migrate';

/** Before anything is served: pending migrations, then the configured admin, then the demo data. */
export async function prepareDatabase(db: DataSource, config: AppConfig, log: (line: string) => void): Promise<void> {
  const applied = await runMigrations(db);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const { adminUsername, adminPassword } = config;
  if (adminUsername && adminPassword && (await new UsersService(db).ensureAdmin(adminUsername, adminPassword))) {
    log(`created the admin "${adminUsername}"`);
  }
  if (config.demoData) {
    const summary = await loadDemoDataIfEmpty(db);
    if (summary) log(`loaded the demo data: ${JSON.stringify(summary)}`);
  }
}
