import { LiveFigures } from './live-figures';

/** Computations the test finishes by hand; the n-th one started answers n. */
function controlled() {
  const finishers: (() => void)[] = [];
  const compute = () =>
    new Promise<number>((resolve) => {
      const n = finishers.length + 1;
      finishers.push(() => resolve(n));
    });
  return { started: () => finishers.length, compute, finish: (n: number) => finishers[n - 1]!() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveFigures', () => {
  it('starts a computation at once while fewer than two of the key run', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const first = live.run('k', compute);
    const second = live.run('k', compute);
    expect(started()).toBe(2);
    finish(1);
    finish(2);
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
  });

  it('makes later requests share one computation, started only when a running one ends', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const first = live.run('k', compute);
    const second = live.run('k', compute);
    const third = live.run('k', compute);
    const fourth = live.run('k', compute);
    await tick();
    expect(started()).toBe(2);

    finish(1);
    await expect(first).resolves.toBe(1);
    await tick();
    expect(started()).toBe(3);
    // Two run again (the second and the shared third): a request now waits for a fourth.
    const fifth = live.run('k', compute);
    await tick();
    expect(started()).toBe(3);
    finish(3);
    await expect(third).resolves.toBe(3);
    await expect(fourth).resolves.toBe(3);
    await tick();
    expect(started()).toBe(4);
    finish(4);
    await expect(fifth).resolves.toBe(4);
    finish(2);
    await expect(second).resolves.toBe(2);
  });

  it('keeps keys apart and starts afresh once nothing is running', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const a = [live.run('a', compute), live.run('a', compute)];
    const b = live.run('b', compute);
    expect(started()).toBe(3);
    finish(1);
    finish(2);
    finish(3);
    await expect(Promise.all([...a, b])).resolves.toEqual([1, 2, 3]);
    const again = live.run('a', compute);
    expect(started()).toBe(4);
    finish(4);
    await expect(again).resolves.toBe(4);
  });

  it('gives a failure to those who shared it and computes again for the next request', async () => {
    const live = new LiveFigures();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('database unavailable'));
    };
    const together = [live.run('k', failing), live.run('k', failing), live.run('k', failing)];
    for (const answer of together) await expect(answer).rejects.toThrow('database unavailable');
    expect(calls).toBe(3);
    await expect(live.run('k', async () => 7)).resolves.toBe(7);
  });
});
