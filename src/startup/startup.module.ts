import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { StartupService } from './startup.service';

/** What the app does once at start, before it serves (see StartupService). */
@Module({ imports: [UsersModule], providers: [StartupService] })
export class StartupModule {}
