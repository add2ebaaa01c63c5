import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** How long misses are remembered for the lock-out. */
const MISS_WINDOW_MS = 10 * 60_000;
/** Addresses remembered at most; the oldest give way, so a flood of addresses cannot grow memory. */
const MAX_ADDRESSES = 50_000;

interface AddressState {
  windowStart: number;
  requests: number;
  misses: number[];
  lockedUntil: number;
}

/**
 * The public tracking routes' own limits, per client address and instance, in memory: at most
 * `perMinute` requests a minute, and an address that names `missLimit` unknown, expired or revoked
 * tokens within ten minutes is locked out of these routes for `lockMinutes` (429 with
 * Retry-After). Only these routes are affected and only for that address: a signed-in user
 * elsewhere, or another enterprise, goes on as before. With a 256-bit token, guessing is hopeless
 * anyway; the lock-out keeps the attempts from costing the database anything.
 */
@Injectable()
export class TrackingLimiter {
  private readonly addresses = new Map<string, AddressState>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts a request; throws RATE_LIMITED while the address is locked out or over its rate. */
  check(address: string, now = Date.now()): void {
    const state = this.stateOf(address, now);
    if (state.lockedUntil > now)
      throw limited('too many unknown tracking links from your address', state.lockedUntil - now);
    if (now - state.windowStart >= 60_000) {
      state.windowStart = now;
      state.requests = 0;
    }
    state.requests += 1;
    if (state.requests > this.config.tracking.perMinute) {
      throw limited('too many requests for tracking pages from your address', state.windowStart + 60_000 - now);
    }
  }

  /** Records a token that named no live link; enough of them lock the address out. */
  miss(address: string, now = Date.now()): void {
    const state = this.stateOf(address, now);
    state.misses = state.misses.filter((at) => now - at < MISS_WINDOW_MS);
    state.misses.push(now);
    if (state.misses.length >= this.config.tracking.missLimit) {
      state.lockedUntil = now + this.config.tracking.lockMinutes * 60_000;
      state.misses = [];
    }
  }

  private stateOf(address: string, now: number): AddressState {
    let state = this.addresses.get(address);
    if (!state) {
      if (this.addresses.size >= MAX_ADDRESSES) this.addresses.delete(this.addresses.keys().next().value!);
      state = { windowStart: now, requests: 0, misses: [], lockedUntil: 0 };
      this.addresses.set(address, state);
    }
    return state;
  }
}

function limited(message: string, waitMs: number): DomainError {
  return new DomainError(ErrorCode.RateLimited, message, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
}
