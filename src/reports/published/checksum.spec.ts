import { createHash } from 'node:crypto';
import { canonicalText, checksum, type ChecksumInput } from './checksum';

const A = '0b4c2a34-7a4e-4b0e-9a57-0d7c3f4e1a01';
const B = '9f1e0c55-2222-4f11-8c0d-5b2a6a1c7e02';
const DEPT = 'd3b07384-d113-4ec6-a21d-3c1b5c2f0a03';

const input = (overrides: Partial<ChecksumInput> = {}): ChecksumInput => ({
  definitionId: 'resolution-rate/v1',
  periodFrom: '2025-01-01T00:00:00.000+08:00',
  periodTo: '2025-04-01T00:00:00.000+08:00',
  asOf: '2025-04-01T00:00:00.000+08:00',
  group: { kind: 'all' },
  items: [
    { itemKey: B, inNumerator: false, statusAsOf: 'assigned', departmentIdAsOf: DEPT },
    { itemKey: A, inNumerator: true, statusAsOf: 'resolved', departmentIdAsOf: null },
  ],
  ...overrides,
});

describe('the canonical text of a published figure', () => {
  it('is the documented lines: version, definition, period and asOf in UTC, group, then items by key', () => {
    expect(canonicalText(input())).toBe(
      [
        'published-figure/1',
        'definition\tresolution-rate/v1',
        'period\t2024-12-31T16:00:00.000Z\t2025-03-31T16:00:00.000Z',
        'asOf\t2025-03-31T16:00:00.000Z',
        'group\t-\t-',
        `item\t${A}\t1\tresolved\t-`,
        `item\t${B}\t0\tassigned\t${DEPT}`,
        '',
      ].join('\n'),
    );
  });

  it('writes each kind of group scope distinctly', () => {
    const line = (group: ChecksumInput['group']) => canonicalText(input({ group })).split('\n')[4];
    expect(line({ kind: 'every', groupBy: 'department' })).toBe('group\tdepartment\t*');
    expect(line({ kind: 'keyless', groupBy: 'department' })).toBe('group\tdepartment\t-');
    expect(line({ kind: 'one', groupBy: 'district', key: 'suzhou' })).toBe('group\tdistrict\t=suzhou');
  });

  it('does not depend on the order the items come in or on the offset instants are written with', () => {
    const reordered = input({
      items: [...input().items].reverse(),
      asOf: '2025-03-31T16:00:00Z',
    });
    expect(checksum(reordered)).toBe(checksum(input()));
  });

  it('is the SHA-256 in hex of the UTF-8 text', () => {
    const expected = createHash('sha256')
      .update(Buffer.from(canonicalText(input()), 'utf8'))
      .digest('hex');
    expect(checksum(input())).toBe(expected);
    expect(checksum(input())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with anything an item is counted by, and with the identity', () => {
    const base = checksum(input());
    const [b, a] = input().items as [ChecksumInput['items'][number], ChecksumInput['items'][number]];
    const variants: Partial<ChecksumInput>[] = [
      { definitionId: 'resolution-rate/v2' },
      { periodFrom: '2025-01-02T00:00:00+08:00' },
      { periodTo: '2025-04-02T00:00:00+08:00' },
      { asOf: '2025-04-02T00:00:00+08:00' },
      { group: { kind: 'every', groupBy: 'department' } },
      { items: [b, { ...a, inNumerator: false }] },
      { items: [b, { ...a, statusAsOf: 'closed' }] },
      { items: [b, { ...a, departmentIdAsOf: DEPT }] },
      { items: [b] },
    ];
    const sums = variants.map((v) => checksum(input(v)));
    for (const sum of sums) expect(sum).not.toBe(base);
    expect(new Set(sums).size).toBe(sums.length);
  });

  it('names the period by its instants: the same quarter written another way sums the same', () => {
    expect(checksum(input({ periodFrom: '2024-12-31T16:00:00Z', periodTo: '2025-04-01T00:00:00+08:00' }))).toBe(
      checksum(input()),
    );
  });

  it('refuses an instant that is not one', () => {
    expect(() => canonicalText(input({ asOf: 'soon' }))).toThrow(/not an instant/);
  });
});
