import { differenceInWords } from '../web/src/components/drilldown/publishWords';

/**
 * What the publish dialog says when the service answers 409 PUBLISHED_DIFFERS: the items added,
 * removed and changed against the earlier publication, in the page's language. Pure code: no
 * service or database is started.
 */
describe('the publish dialog’s words for a figure published differently before', () => {
  const zh = (text: string) => text;
  const en = (_: string, text: string) => text;

  it('names the problems added, removed and changed, in Chinese and in English', () => {
    const body = { difference: { added: ['JQ-2025-0201'], removed: [], changed: ['JQ-2025-0007', 'JQ-2025-0010'] } };
    expect(differenceInWords(body, 'ignored', zh)).toBe(
      '此指标的同一期间、时点与分组已按不同的明细发布过，本次未发布。与已发布的相比：新增 JQ-2025-0201；变化 JQ-2025-0007, JQ-2025-0010',
    );
    expect(differenceInWords(body, 'ignored', en)).toBe(
      'This figure was already published for the same period, instant and group with other items, so nothing was published. Against the published one: added JQ-2025-0201; changed JQ-2025-0007, JQ-2025-0010',
    );
    expect(differenceInWords({ difference: { removed: ['JQ-2025-0003'] } }, '', zh)).toContain(
      '与已发布的相比：减少 JQ-2025-0003',
    );
  });

  it('shows five codes of a long list and counts the rest', () => {
    const added = Array.from({ length: 8 }, (_, i) => `JQ-2025-010${i}`);
    const words = differenceInWords({ difference: { added } }, '', zh);
    expect(words).toContain('新增 JQ-2025-0100, JQ-2025-0101, JQ-2025-0102, JQ-2025-0103, JQ-2025-0104 等 8 项');
    expect(words).not.toContain('JQ-2025-0105');
    expect(differenceInWords({ difference: { added } }, '', en)).toContain('JQ-2025-0104 and 3 more');
  });

  it('falls back to the service’s message when the body lists no difference it can read', () => {
    const message = 'resolution-rate/v1 of 2025-Q1 was published with other items';
    expect(differenceInWords({}, message, en)).toMatch(new RegExp(`nothing was published\\. ${message}$`));
    expect(differenceInWords({ difference: { added: [42, null] } }, message, zh)).toContain(message);
    expect(differenceInWords({ difference: 'garbled' }, message, zh)).toContain(message);
  });
});
