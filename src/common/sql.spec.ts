import { containsPattern, SqlParams } from './sql';

describe('sql text helpers', () => {
  it('escapes the LIKE wildcards of a search text and finds it anywhere', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(containsPattern('酒泉')).toBe('%酒泉%');
  });

  it('hands out placeholders in the order values are added', () => {
    const params = new SqlParams();
    expect([params.add('a'), params.add(2)]).toEqual(['$1', '$2']);
    expect(params.values).toEqual(['a', 2]);
  });
});
