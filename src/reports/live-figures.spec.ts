import { LiveFigures } from './live-figures';

/** A computation the test finishes by hand, recording when it started. */
function controlled() {
  const started: number[] = [];
  const finishers: ((value: number) => void)[] = [];
  const compute = () =>
    new Promise<number>((resolve) => {
      started.push(started.length + 1);
      finishers.push(resolve);
    });
  const finish = (index: number) => finishers[index]!(index + 1);
  return { started, compute, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveFigures', () => {
  it('starts a computation for a request that finds none running', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const answer = live.run('k', compute);
    expect(started).toHaveLength(1);
    finish(0);
    await expect(answer).resolves.toBe(1);
  });

  it('makes requests that find one running share the next one, started after the running one ends', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const first = live.run('k', compute);
    const second = live.run('k', compute);
    const third = live.run('k', compute);
    await tick();
    expect(started).toHaveLength(1);

    finish(0);
    await expect(first).resolves.toBe(1);
    await tick();
    expect(started).toHaveLength(2);
    // A request during the second computation waits for a third.
    const fourth = live.run('k', compute);
    finish(1);
    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
    await tick();
    expect(started).toHaveLength(3);
    finish(2);
    await expect(fourth).resolves.toBe(3);
  });

  it('keeps keys apart and starts afresh once nothing is running', async () => {
    const live = new LiveFigures();
    const { started, compute, finish } = controlled();
    const a = live.run('a', compute);
    const b = live.run('b', compute);
    expect(started).toHaveLength(2);
    finish(0);
    finish(1);
    await expect(Promise.all([a, b])).resolves.toEqual([1, 2]);
    const again = live.run('a', compute);
    expect(started).toHaveLength(3);
    finish(2);
    await expect(again).resolves.toBe(3);
  });

  it('gives a failure to those who shared it and computes again for the next request', async () => {
    const live = new LiveFigures();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('database unavailable'));
    };
    await expect(live.run('k', failing)).rejects.toThrow('database unavailable');
    await expect(live.run('k', failing)).rejects.toThrow('database unavailable');
    expect(calls).toBe(2);
    await expect(live.run('k', async () => 7)).resolves.toBe(7);
  });
});
