import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { TrackingLimiter } from './tracking-limiter';

/** Applies the tracking routes' own per-address limit and lock-out before any work is done. */
@Injectable()
export class TrackingThrottleGuard implements CanActivate {
  constructor(private readonly limiter: TrackingLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.limiter.check(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    return true;
  }
}
