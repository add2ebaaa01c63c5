/** Lookups that run at once unless told otherwise; keys asked for meanwhile wait for the next. */
export const LOOKUPS_AT_ONCE = 2;

/**
 * Looks up many keys with one query when requests for them come together. A lookup starts at once
 * while fewer than `atOnce` run; keys asked for meanwhile wait for the next one, which starts
 * when a running one ends and fetches them all. A lookup always starts after the requests it
 * serves were made, so it sees everything committed before them: batching changes the number of
 * queries, never what an answer may have missed.
 */
export class Batcher<V> {
  private waiting = new Map<string, { resolve(value: V | undefined): void; reject(error: unknown): void }[]>();
  private running = 0;

  constructor(
    private readonly load: (keys: string[]) => Promise<Map<string, V>>,
    private readonly atOnce = LOOKUPS_AT_ONCE,
  ) {}

  /** The value of `key`, or undefined when the lookup found none. */
  get(key: string): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (this.running < this.atOnce) this.flush();
    });
  }

  private flush(): void {
    if (this.waiting.size === 0) return;
    const batch = this.waiting;
    this.waiting = new Map();
    this.running++;
    this.load([...batch.keys()])
      .then(
        (found) => {
          for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
        },
        (error: unknown) => {
          for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
        },
      )
      .finally(() => {
        this.running--;
        this.flush();
      });
  }
}
