import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { migrateWithoutTimeouts } from '../database/prepare';
import type { DemoOutcome } from '../demo/demo-loader';
import { installQueue } from '../notifications/notification-queue';
import { UsersService } from '../users/users.service';

/**
 * Before the app serves: the pending migrations, then the configured admin, then (with DEMO_DATA)
 * the demo data. Runs in onModuleInit, so it is done before any onApplicationBootstrap hook
 * (the warning scan) touches the tables.
 */
@Injectable()
export class StartupService implements OnModuleInit {
  private readonly logger = new Logger('Startup');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrateWithoutTimeouts(this.db);
    if (applied.length) this.logger.log(`applied migrations: ${applied.join(', ')}`);
    // The notification queue's own schema, after ours: problem changes enqueue deliveries in SQL.
    await installQueue((this.db.options as { url: string }).url);
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword && (await this.users.ensureAdmin(adminUsername, adminPassword))) {
      this.logger.log(`created the admin "${adminUsername}"`);
    }
    if (this.config.demoData) this.report(await this.loadDemoData());
  }

  /**
   * The demo loader and its data set (two thousand lines) are loaded only when DEMO_DATA asks for
   * them. A lazy require rather than import(): this CommonJS build would turn import() into a
   * native ES import, which jest's CommonJS runtime cannot run.
   */
  private loadDemoData(): Promise<DemoOutcome> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point
    const { loadDemoDataIfEmpty } = require('../demo/demo-loader') as typeof import('../demo/demo-loader');
    return loadDemoDataIfEmpty(this.db, this.config.passwordHash, this.config.adminUsername);
  }

  private report(outcome: DemoOutcome): void {
    if (outcome.loaded) {
      this.logger.log(`loaded the demo data: ${JSON.stringify(outcome.loaded)}`);
      for (const note of outcome.notes) this.logger.log(`demo data: ${note}`);
    } else {
      // A database in use is the normal case of every start after the first; a name clash needs a fix.
      const line = `DEMO_DATA is on but the demo data was not loaded: ${outcome.notes.join('; ')}`;
      if (outcome.skipped === 'in-use') this.logger.log(line);
      else this.logger.warn(line);
    }
  }
}
