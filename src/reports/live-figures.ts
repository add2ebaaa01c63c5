import { Injectable } from '@nestjs/common';

/** Computations of one figure that may run at once; later requests gather for the next one. */
const AT_ONCE = 2;

interface Slot {
  running: number;
  /** The computation that starts when a running one ends, shared by every request waiting for it. */
  queued: Promise<unknown> | null;
  startQueued: (() => void) | null;
}

/**
 * Shares the computation of a figure "as of now" between requests that ask for it at the same
 * time, without ever answering one with a figure older than the request: a computation serves
 * only requests that arrived before it started.
 *
 * A request starts a computation of its own while fewer than two of its key run; otherwise it
 * joins the one queued to start when a running one ends, which every later request joins too.
 * Ten clients asking at once thus cost a few computations rather than ten, and the database works
 * on at most two of them per figure.
 */
@Injectable()
export class LiveFigures {
  private readonly slots = new Map<string, Slot>();

  run<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { running: 0, queued: null, startQueued: null };
      this.slots.set(key, slot);
    }
    if (slot.running < AT_ONCE) {
      slot.running++;
      return this.start(key, slot, compute);
    }
    if (!slot.queued) {
      const current = slot;
      current.queued = new Promise<void>((resolve) => (current.startQueued = resolve)).then(() =>
        this.start(key, current, compute),
      );
    }
    return slot.queued as Promise<T>;
  }

  /** Runs a computation whose place among the running ones is already counted. */
  private start<T>(key: string, slot: Slot, compute: () => Promise<T>): Promise<T> {
    const computation = compute();
    const done = () => {
      const startQueued = slot.startQueued;
      if (startQueued) {
        // The queued computation takes this one's place.
        slot.queued = null;
        slot.startQueued = null;
        startQueued();
      } else if (--slot.running === 0) {
        this.slots.delete(key);
      }
    };
    computation.then(done, done);
    return computation;
  }
}
