import { DynamicModule, Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { ErrorFilter } from './common/error.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { runMigrations } from './database/migrate';
import { loadDemoDataIfEmpty } from './demo/demo-loader';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { EnterprisesService } from './enterprises/enterprises.service';
import { HealthController } from './health/health.controller';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ProblemsController } from './problems/problems.controller';
import { ProblemsService } from './problems/problems.service';
import { ReferenceController } from './reference/reference.controller';
import { ReferenceService } from './reference/reference.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { VisitsController } from './visits/visits.controller';
import { VisitsService } from './visits/visits.service';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
}

/** Applies migrations, then the configured admin and the demo data, before the app serves. */
class DatabaseSetup implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await runMigrations(this.db);
    if (applied.length) this.logger.log(`applied migrations: ${applied.join(', ')}`);
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword && (await this.users.ensureAdmin(adminUsername, adminPassword))) {
      this.logger.log(`created the admin "${adminUsername}"`);
    }
    if (this.config.demoData) {
      const summary = await loadDemoDataIfEmpty(this.db);
      if (summary) this.logger.log(`loaded the demo data: ${JSON.stringify(summary)}`);
    }
  }
}

@Global()
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwtSecret }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.dbStatementTimeoutMs)),
        JwtModule.register({
          global: true,
          secret: jwtSecret,
          signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        ReferenceController,
        EnterprisesController,
        VisitsController,
        ProblemsController,
        ReportsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        AuthService,
        UsersService,
        ReferenceService,
        EnterprisesService,
        IdempotencyService,
        VisitsService,
        ProblemsService,
        ReportsService,
        DatabaseSetup,
      ],
      exports: [APP_CONFIG],
    };
  }
}
