import { addCounts } from './resolution-counts';

describe('addCounts', () => {
  it('adds signed changes per key, keeps keys without changes, and drops keys left with no problem', () => {
    const counts = [
      { key: 'a', recorded: 3, resolved: 1 },
      { key: 'b', recorded: 1, resolved: 0 },
      { key: null, recorded: 2, resolved: 0 },
    ];
    const changes = [
      { key: 'a', recorded: 0, resolved: 1 },
      { key: 'b', recorded: -1, resolved: 0 },
      { key: 'c', recorded: 1, resolved: 1 },
      { key: null, recorded: -1, resolved: 0 },
    ];
    expect(addCounts(counts, changes)).toEqual([
      { key: 'a', recorded: 3, resolved: 2 },
      { key: null, recorded: 1, resolved: 0 },
      { key: 'c', recorded: 1, resolved: 1 },
    ]);
    expect(counts[0]).toEqual({ key: 'a', recorded: 3, resolved: 1 });
  });
});
