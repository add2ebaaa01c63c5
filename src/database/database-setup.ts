import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { prepareDatabase } from './prepare';

/** Migrations, the configured admin and the demo data, before the app serves. */
@Injectable()
export class DatabaseSetup implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): Promise<void> {
    return prepareDatabase(this.db, this.config, (line) => this.logger.log(line));
  }
}
