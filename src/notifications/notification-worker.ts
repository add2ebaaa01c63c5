import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, type Runner } from 'graphile-worker';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SettledWarmUp } from '../reports/settled/settled-warm-up';
import { DeliveryService } from './delivery.service';
import { queueLogger, watchErrors } from './notification-queue';
import { DELIVER_TASK, WEEKLY_TASK } from './notification-types';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Monday 09:00 in Beijing (01:00 UTC; graphile-worker's crontab is in UTC): last week's report is ready. */
const WEEKLY_CRONTAB = `0 1 * * 1 ${WEEKLY_TASK} ?max=3`;
/** The job that readies the closed quarters' figures (SettledWarmUp). */
export const WARM_UP_TASK = 'settled_figures_warm_up';

/** The queue's schedule: the weekly notice, and every `warmMinutes` the settled figures (0: never). */
export function crontab(warmMinutes: number): string {
  return [WEEKLY_CRONTAB, ...(warmMinutes > 0 ? [`*/${warmMinutes} * * * * ${WARM_UP_TASK} ?max=1`] : [])].join('\n');
}

/**
 * The queue's worker inside the service (its notices, and the settled figures' warm-up): started once the app is initialised, stopped (the jobs
 * in flight finished) before the database pool closes. Several instances share the jobs:
 * graphile-worker hands each job to one of them.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private runner?: Runner;
  private pool?: Pool;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: DeliveryService,
    private readonly notifications: NotificationsService,
    private readonly repository: NotificationsRepository,
    private readonly warmUp: SettledWarmUp,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { workers, pollMs } = this.config.notifications;
    if (workers <= 0) return;
    this.pool = new Pool({
      connectionString: (this.db.options as { url: string }).url,
      max: workers + 2,
      application_name: 'jiuquan-outreach-worker',
    });
    watchErrors(this.pool, (message) => this.logger.warn(message));
    this.runner = await run({
      pgPool: this.pool,
      concurrency: workers,
      noHandleSignals: true,
      pollInterval: pollMs,
      logger: queueLogger(this.logger),
      crontab: crontab(this.config.reports.warmMinutes),
      taskList: {
        [DELIVER_TASK]: async (payload) => {
          await this.delivery.deliver(String((payload as { deliveryId: string }).deliveryId));
        },
        [WARM_UP_TASK]: async (payload) => {
          await this.warmUp.warm((payload as { quarters?: number } | null)?.quarters);
        },
        [WEEKLY_TASK]: async () => {
          await this.repository.transaction((em) => this.notifications.weeklyReady(em));
        },
      },
    });
    const requeued = await this.repository.requeuePending();
    this.logger.log(`notification worker started (${workers} at once); ${requeued} pending deliveries queued`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner)
      await runner.stop().catch((error: unknown) => this.logger.warn(`stopping the worker: ${String(error)}`));
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
    this.delivery.close();
  }
}
