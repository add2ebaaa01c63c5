import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DomainError, ErrorCode } from '../common/domain-error';
import { LoginLockRow, LoginThrottleRepository } from './login-throttle.repository';

/** Failures of one username from one address within the window that lock that pair. */
export const MAX_FAILURES = 5;
/** Failures of one username from all addresses within the window that put it under attack. */
export const MAX_USERNAME_FAILURES = 20;
const WINDOW = '15 minutes';
const LOCK = '15 minutes';
/** An address that signed in for a username within this time is known for it. */
const KNOWN_FOR = '90 days';
/** How long a known address waits before its password is checked while its username is under attack. */
export const SLOWDOWN_MS = 1_000;
const PURGE_EVERY_MS = 5 * 60_000;

/** A refusal because the username is locked for this address (`locked: true` tells it from a busy service). */
const rateLimited = (message: string, seconds: number) =>
  new DomainError(ErrorCode.RateLimited, message, {
    retryAfterSeconds: Math.max(Math.ceil(seconds), 1),
    locked: true,
  });

/**
 * Brute-force protection for login, in the database so every instance sees the same counts.
 *
 * Attempts are counted per username (lower-cased, known or not) and client address together,
 * before the password is checked, in one atomic statement; five failures lock that pair only, so
 * an attacker locks out himself and not the user. A username with many failures from all
 * addresses together is under attack: an address that has signed in for it before is slowed
 * down, any other refused, so a spread-out guesser gets few tries. The address is the socket's
 * (no forwarding header is believed). A success clears the pair's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(private readonly throttle: LoginThrottleRepository) {}

  /**
   * Counts an attempt, after a delay when the username is under attack and the address known;
   * refuses with 429 and Retry-After while the pair is locked, or when the username is under
   * attack and the address unknown. Answers the attempts the pair has left before it locks, should
   * this one fail (the same for a username that exists and one that does not).
   */
  async countAttempt(username: string, address: string): Promise<number> {
    const limits = { maxFailures: MAX_FAILURES, window: WINDOW, lock: LOCK, knownFor: KNOWN_FOR };
    if ((await this.throttle.failuresOfUsername(username, WINDOW)) >= MAX_USERNAME_FAILURES) {
      if (!(await this.throttle.isKnown(username, address, KNOWN_FOR))) {
        throw rateLimited('too many failed logins for this username; try again later', 15 * 60);
      }
      await new Promise((resolve) => setTimeout(resolve, SLOWDOWN_MS));
    }
    const counted = await this.throttle.countAttempt(username, address, limits);
    if (counted) return Math.max(MAX_FAILURES - counted.failures, 0);
    const seconds = await this.throttle.lockedSeconds(username, address);
    throw rateLimited('too many failed logins for this username; try again later', seconds ?? 1);
  }

  /** Whole seconds the pair stays locked (after the failure that locked it). */
  async lockedSeconds(username: string, address: string): Promise<number> {
    return Math.max((await this.throttle.lockedSeconds(username, address)) ?? 1, 1);
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    await this.throttle.recordSuccess(username, address);
  }

  /** The pairs an admin may want to see: locked, or with failures that still count. */
  list(): Promise<LoginLockRow[]> {
    return this.throttle.listActive(WINDOW, KNOWN_FOR);
  }

  async lift(id: string): Promise<void> {
    if (!(await this.throttle.lift(id))) throw DomainError.notFound('login lock');
  }

  /** Deletes rows that no longer count (every unknown username's row, once its window passes). */
  @Interval('login-throttle-purge', PURGE_EVERY_MS)
  async purge(): Promise<number> {
    try {
      return await this.throttle.purge(WINDOW, KNOWN_FOR);
    } catch (error) {
      this.logger.warn({ err: error }, 'purging old login_throttle rows failed; the next run tries again');
      return 0;
    }
  }
}
