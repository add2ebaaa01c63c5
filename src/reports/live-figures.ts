import { Injectable } from '@nestjs/common';

interface Slot {
  running: Promise<unknown>;
  next: Promise<unknown> | null;
}

/**
 * Shares the computation of a figure "as of now" between requests that ask for it at the same
 * time, without ever answering one with a figure older than the request.
 *
 * A request that finds no computation of its key running starts one. A request that finds one
 * running cannot use it (it began before the request came, so it may miss a change the requester
 * just made); it waits for the one queued to start when the running one ends, which every later
 * request joins too. Ten clients asking at once thus cost two computations, not ten, and each
 * answer is as of an instant after its request arrived.
 */
@Injectable()
export class LiveFigures {
  private readonly slots = new Map<string, Slot>();

  run<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const slot = this.slots.get(key);
    if (!slot) return this.start(key, compute);
    slot.next ??= slot.running.then(settle, settle).then(() => this.start(key, compute));
    return slot.next as Promise<T>;
  }

  private start<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const running = compute();
    const slot: Slot = { running, next: null };
    this.slots.set(key, slot);
    const done = () => {
      if (this.slots.get(key) === slot && slot.next === null) this.slots.delete(key);
    };
    running.then(done, done);
    return running;
  }
}

const settle = () => undefined;
