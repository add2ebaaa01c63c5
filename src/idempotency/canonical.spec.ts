import { canonical, requestFingerprint } from './idempotency.service';

/**
 * canonical() directly: the end-to-end key-order test cannot tell, because validation already
 * rebuilds the body in the DTO's key order before the fingerprint is taken.
 */
describe('canonical() and the request fingerprint of an Idempotency-Key', () => {
  it('sorts the keys of an object', () => {
    const result = canonical({ title: 'a', category: 'b', enterpriseId: 'c' });
    expect(JSON.stringify(result)).toBe('{"category":"b","enterpriseId":"c","title":"a"}');
  });

  it('sorts the keys of nested objects at every depth, inside arrays too', () => {
    const result = canonical({ z: { y: { b: 1, a: 2 }, x: [{ d: 1, c: 2 }] }, a: null });
    expect(JSON.stringify(result)).toBe('{"a":null,"z":{"x":[{"c":2,"d":1}],"y":{"a":2,"b":1}}}');
  });

  it('keeps the order of arrays', () => {
    expect(canonical([3, 1, 2])).toEqual([3, 1, 2]);
    expect(JSON.stringify(canonical({ list: ['b', 'a', { k: 2, j: 1 }] }))).toBe('{"list":["b","a",{"j":1,"k":2}]}');
  });

  it('leaves scalars as they are', () => {
    expect(canonical('text')).toBe('text');
    expect(canonical(0)).toBe(0);
    expect(canonical(false)).toBe(false);
    expect(canonical(null)).toBeNull();
    expect(canonical(undefined)).toBeUndefined();
  });

  it('does not change what it is given', () => {
    const body = { b: { d: 1, c: 2 }, a: [2, 1] };
    canonical(body);
    expect(JSON.stringify(body)).toBe('{"b":{"d":1,"c":2},"a":[2,1]}');
  });

  it('gives two bodies that differ only in key order the same fingerprint', () => {
    const one = { enterpriseId: 'e1', title: '用电', extra: { b: 1, a: [1, { y: 2, x: 1 }] } };
    const other = { extra: { a: [1, { x: 1, y: 2 }], b: 1 }, title: '用电', enterpriseId: 'e1' };
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(other));
    expect(requestFingerprint('POST /problems', one)).toBe(requestFingerprint('POST /problems', other));
    expect(requestFingerprint('POST /problems', one)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a different fingerprint to a different value, array order or route', () => {
    const base = requestFingerprint('POST /problems', { a: 1, list: [1, 2] });
    expect(requestFingerprint('POST /problems', { a: 2, list: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST /problems', { a: 1, list: [2, 1] })).not.toBe(base);
    expect(requestFingerprint('POST /visits', { a: 1, list: [1, 2] })).not.toBe(base);
  });
});
