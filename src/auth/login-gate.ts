import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';

/** Logins one client address may have in progress at once; more wait in the address's line. */
export const LOGINS_PER_ADDRESS = 4;
/** Logins that may wait in one address's line; past this they answer 429 at once. */
export const LOGINS_WAITING_PER_ADDRESS = 16;
/**
 * Password hashes verified at once. One: a hash already runs its four argon2 lanes on threads of
 * their own, so a second at once adds little throughput and makes both slower, and the one a real
 * user waits for ends sooner.
 */
export const HASHES_AT_ONCE = 1;
/** Logins that may wait for a hash; past this the queue is full and a login answers 429 at once. */
export const HASHES_WAITING = 24;

/** How often the per-address hash counts are halved, and how many addresses they keep at most. */
const SERVED_DECAY_MS = 10_000;
const SERVED_ADDRESSES = 10_000;

const busy = (message: string) => new DomainError(ErrorCode.RateLimited, message, { retryAfterSeconds: 1 });

/**
 * Keeps a login flood from starving real users. Each address may have a few logins in progress
 * (the rest wait in its line);
 * the password checks run one at a time, and of those waiting the address with the fewest failed
 * checks lately goes first, so a real user's login waits for a hash in progress rather than for the whole
 * flood; when too many wait, a login is refused at once instead of queued.
 */
@Injectable()
export class LoginGate {
  private readonly inProgress = new Map<string, { running: number; waiting: (() => void)[] }>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private waitingCount = 0;
  private hashing = 0;
  /** Failed password checks per address lately (halved every SERVED_DECAY_MS): the fewest go first. */
  private readonly served = new Map<string, number>();
  private decayedAt = Date.now();

  /**
   * Runs a login of `address`, from the throttle check to the answer, when fewer than
   * LOGINS_PER_ADDRESS of its logins are in progress. The others wait, unanswered, so a flooding
   * address costs one request per login it is let make, not a stream of quick refusals it
   * resends at once; 429 at once when its line is full.
   */
  async login<T>(address: string, work: () => Promise<T>): Promise<T> {
    let entry = this.inProgress.get(address);
    if (!entry) this.inProgress.set(address, (entry = { running: 0, waiting: [] }));
    if (entry.running >= LOGINS_PER_ADDRESS) {
      if (entry.waiting.length >= LOGINS_WAITING_PER_ADDRESS) {
        throw busy('too many logins at once from this address; try again shortly');
      }
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    } else {
      entry.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = entry.waiting.shift();
      if (next)
        next(); // the place passes on
      else if (--entry.running === 0) this.inProgress.delete(address);
    }
  }

  /** Runs a password check of `address` when its turn comes; 429 at once when the queue is full. */
  async hash<T>(address: string, work: () => Promise<T>): Promise<T> {
    if (this.hashing >= HASHES_AT_ONCE || this.waitingCount > 0) {
      if (this.waitingCount >= HASHES_WAITING) throw busy('the service is busy signing others in; try again shortly');
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(address);
        if (queue) queue.push(resolve);
        else this.waiting.set(address, [resolve]);
        this.waitingCount += 1;
      });
    } else {
      this.hashing += 1;
    }
    try {
      const result = await work();
      if (result === null) this.countFailure(address);
      return result;
    } finally {
      this.next();
    }
  }

  /**
   * Hands the finished hash's place to the waiting address with the fewest failed checks lately
   * (the slot passes on, never freed between): a flooding or guessing address has many, a real
   * user's none, so the real user goes next whatever the flood queued before it.
   */
  private next(): void {
    let chosen: string | undefined;
    let least = Infinity;
    for (const address of this.waiting.keys()) {
      const served = this.served.get(address) ?? 0;
      if (served < least) [chosen, least] = [address, served];
    }
    if (chosen === undefined) {
      this.hashing -= 1;
      return;
    }
    const queue = this.waiting.get(chosen)!;
    const resolve = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(chosen);
    this.waitingCount -= 1;
    resolve();
  }

  private countFailure(address: string): void {
    const now = Date.now();
    if (now - this.decayedAt >= SERVED_DECAY_MS) {
      this.decayedAt = now;
      for (const [key, count] of this.served) {
        if (count <= 1) this.served.delete(key);
        else this.served.set(key, Math.floor(count / 2));
      }
    }
    if (this.served.size >= SERVED_ADDRESSES && !this.served.has(address)) this.served.clear();
    this.served.set(address, (this.served.get(address) ?? 0) + 1);
  }
}
