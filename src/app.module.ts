import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { JwtModule } from '@nestjs/jwt';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { createLogger } from './common/logging';
import { dataSourceOptions } from './database/data-source-options';
import { ReportReaderModule } from './database/report-reader.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProblemsModule } from './problems/problems.module';
import { ProjectsModule } from './projects/projects.module';
import { ProductionModule } from './production/production.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { ResponsibilitiesModule } from './responsibilities/responsibilities.module';
import { StartupModule } from './startup/startup.module';
import { TrackingModule } from './tracking/tracking.module';
import { UsersModule } from './users/users.module';
import { VisitsModule } from './visits/visits.module';
import { WarningsModule } from './warnings/warnings.module';

/** The service's pino logger (see createApp's request log). */
export const APP_LOGGER = Symbol('APP_LOGGER');

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwtSecret }: AppOptions): DynamicModule {
    const signingKey = createSecretKey(Buffer.from(jwtSecret));
    const logger = createLogger(config.logLevel);
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        // Nest's own lines through the service's logger; requests are logged by requestLog (app.ts).
        LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] }),
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, {
            statementTimeoutMs: config.dbStatementTimeoutMs,
            timezone: config.reportTimezone,
          }),
        ),
        ReportReaderModule,
        JwtModule.register({
          global: true,
          // A key object, made once: given the secret as text, jsonwebtoken first tries it as a
          // public key on every verification and throws, which cost a millisecond a request.
          secretOrKeyProvider: () => signingKey,
          signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        // A general limit per client address and instance (in memory); logins have their own, shared one.
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: Math.max(config.rateLimitPerMinute, 1) }] }),
        StartupModule,
        HealthModule,
        AuthModule,
        UsersModule,
        ReferenceModule,
        EnterprisesModule,
        ResponsibilitiesModule,
        VisitsModule,
        ProblemsModule,
        ProjectsModule,
        ProductionModule,
        ReportsModule,
        ScheduleModule.forRoot(),
        WarningsModule,
        SavedViewsModule,
        NotificationsModule,
        TrackingModule.forRoot(jwtSecret),
        AttachmentsModule,
      ],
      providers: [
        { provide: APP_LOGGER, useValue: logger },
        { provide: APP_FILTER, useClass: ErrorFilter },
        ...(config.rateLimitPerMinute > 0 ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : []),
      ],
    };
  }
}
