import { DynamicModule, Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { TrackingLimiter } from './tracking-limiter';
import { TrackController, TrackingLinksController } from './tracking.controller';
import { TrackingRepository } from './tracking.repository';
import { TRACKING_SEAL, TrackingService } from './tracking.service';
import { TrackingThrottleGuard } from './tracking-throttle.guard';
import { TrackingTokenSeal } from './tracking-token';

/** The enterprise's tracking links, its public page's data and its rating. */
@Module({})
export class TrackingModule {
  /** `secret`: the service's secret, from which the key that seals tokens is derived. */
  static forRoot(secret: string): DynamicModule {
    return {
      module: TrackingModule,
      imports: [ProblemsModule],
      controllers: [TrackingLinksController, TrackController],
      providers: [
        TrackingRepository,
        TrackingService,
        TrackingLimiter,
        TrackingThrottleGuard,
        { provide: TRACKING_SEAL, useValue: new TrackingTokenSeal(secret) },
      ],
    };
  }
}
