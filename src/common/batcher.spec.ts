import { Batcher } from './batcher';

/** A loader the test answers by hand, recording the keys of each lookup. */
function controlledLoader() {
  const lookups: string[][] = [];
  const answers: ((found: Map<string, string>) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const load = (keys: string[]) =>
    new Promise<Map<string, string>>((resolve, reject) => {
      lookups.push(keys);
      answers.push(resolve);
      failures.push(reject);
    });
  const answer = (index: number) =>
    answers[index]!(new Map(lookups[index]!.filter((k) => k !== 'missing').map((k) => [k, `value of ${k}`])));
  return { lookups, load, answer, fail: (index: number) => failures[index]!(new Error('database unavailable')) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('looks a key up at once while fewer than two lookups run', async () => {
    const { lookups, load, answer } = controlledLoader();
    const batcher = new Batcher(load);
    const a = batcher.get('a');
    const b = batcher.get('b');
    expect(lookups).toEqual([['a'], ['b']]);
    answer(0);
    answer(1);
    await expect(Promise.all([a, b])).resolves.toEqual(['value of a', 'value of b']);
  });

  it('gathers the keys asked for meanwhile into one lookup, started when a running one ends', async () => {
    const { lookups, load, answer } = controlledLoader();
    const batcher = new Batcher(load);
    const running = [batcher.get('a'), batcher.get('b')];
    const later = [batcher.get('c'), batcher.get('a'), batcher.get('missing'), batcher.get('c')];
    await tick();
    expect(lookups).toHaveLength(2);
    answer(1);
    await tick();
    expect(lookups[2]).toEqual(['c', 'a', 'missing']);
    answer(2);
    await expect(Promise.all(later)).resolves.toEqual(['value of c', 'value of a', undefined, 'value of c']);
    answer(0);
    await expect(Promise.all(running)).resolves.toEqual(['value of a', 'value of b']);
  });

  it('gives a failed lookup to every request it served, and looks up afresh afterwards', async () => {
    const { lookups, load, answer, fail } = controlledLoader();
    const batcher = new Batcher(load);
    const first = batcher.get('a');
    const second = batcher.get('b');
    const gathered = [batcher.get('c'), batcher.get('d')];
    fail(0);
    await expect(first).rejects.toThrow('database unavailable');
    await tick();
    fail(2);
    for (const request of gathered) await expect(request).rejects.toThrow('database unavailable');
    answer(1);
    await expect(second).resolves.toBe('value of b');
    const again = batcher.get('c');
    expect(lookups.at(-1)).toEqual(['c']);
    answer(lookups.length - 1);
    await expect(again).resolves.toBe('value of c');
  });
});
