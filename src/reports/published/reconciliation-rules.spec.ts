import {
  differences,
  reasonsFor,
  sameCount,
  summarise,
  type ComparedItem,
  type ItemDifference,
  type LaterEvent,
  type ProblemFacts,
  type ReasonContext,
} from './reconciliation-rules';

const DEPT_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const DEPT_B = 'bbbbbbbb-0000-4000-8000-000000000002';

const item = (key: string, overrides: Partial<ComparedItem> = {}): ComparedItem => ({
  id: key,
  itemKey: key,
  code: `JQ-2025-${key}`,
  title: '用电报装慢',
  inNumerator: true,
  statusAsOf: 'resolved',
  departmentIdAsOf: DEPT_A,
  departmentNameAsOf: '市工信局',
  ...overrides,
});

const context = (overrides: Partial<ReasonContext> = {}): ReasonContext => ({
  publishedAsOf: new Date('2025-04-01T00:00:00+08:00'),
  periodFrom: new Date('2025-01-01T00:00:00+08:00'),
  periodTo: new Date('2025-04-01T00:00:00+08:00'),
  publishedDefinition: 'resolution-rate/v1',
  currentDefinition: 'resolution-rate/v1',
  departments: new Map([
    [DEPT_A, '市工信局'],
    [DEPT_B, '市发改委'],
  ]),
  timezone: 'Asia/Shanghai',
  ...overrides,
});

const facts = (overrides: Partial<ProblemFacts> = {}): ProblemFacts => ({
  reportedAt: new Date('2025-03-10T09:00:00+08:00'),
  enteredAt: new Date('2025-03-10T09:05:00+08:00'),
  duplicateOfCode: null,
  ...overrides,
});

const event = (type: string, at: string, overrides: Partial<LaterEvent> = {}): LaterEvent => ({
  type,
  at: new Date(at),
  departmentId: null,
  data: {},
  ...overrides,
});

const codes = (d: ItemDifference, p: ProblemFacts | null, e: LaterEvent[], c = context()) =>
  reasonsFor(d, p, e, c).map((r) => r.code);

describe('differences between a published list and a recomputed one', () => {
  it('finds added, removed and changed items and leaves equal ones out', () => {
    const before = [item('1'), item('2'), item('3'), item('4', { departmentIdAsOf: DEPT_A })];
    const after = [
      item('1'),
      item('2', { inNumerator: false, statusAsOf: 'in_progress' }),
      item('4', { departmentIdAsOf: DEPT_B }),
      item('5'),
    ];
    const found = differences(before, after);
    expect(found.map((d) => [d.itemKey, d.before !== null, d.after !== null])).toEqual([
      ['2', true, true],
      ['3', true, false],
      ['4', true, true],
      ['5', false, true],
    ]);
    expect(summarise(found)).toEqual({
      added: ['JQ-2025-5'],
      removed: ['JQ-2025-3'],
      changed: ['JQ-2025-2', 'JQ-2025-4'],
    });
  });

  it('compares by what the checksum covers, not by the title or the printed name', () => {
    expect(sameCount(item('1'), item('1', { title: '另一标题', departmentNameAsOf: '新名称' }))).toBe(true);
    expect(sameCount(item('1'), item('1', { statusAsOf: 'closed' }))).toBe(false);
  });
});

describe('why an item moved', () => {
  const moved = (after: Partial<ComparedItem> | null, before: Partial<ComparedItem> | null = {}): ItemDifference => ({
    itemKey: '1',
    before: before === null ? null : item('1', before),
    after: after === null ? null : item('1', after),
  });

  it('names a reopen and an unsatisfied verification as reopened, with their instants', () => {
    const reasons = reasonsFor(
      moved({ inNumerator: false, statusAsOf: 'in_progress' }),
      facts(),
      [
        event('verify', '2025-04-03T10:00:00+08:00', { data: { satisfaction: 'unsatisfied' } }),
        event('reopen', '2025-04-02T10:00:00+08:00'),
      ],
      context(),
    );
    expect(reasons.map((r) => [r.code, r.at])).toEqual([
      ['reopened', '2025-04-02T02:00:00.000Z'],
      ['reopened', '2025-04-03T02:00:00.000Z'],
    ]);
    expect(reasons[0]!.text).toBe('2025-04-02 10:00 重新打开');
  });

  it('names a satisfied verification as closed later, not as a reopen', () => {
    const reasons = reasonsFor(
      moved({ statusAsOf: 'closed' }),
      facts(),
      [event('verify', '2025-04-03T10:00:00+08:00', { data: { satisfaction: 'basically_satisfied' } })],
      context(),
    );
    expect(reasons).toEqual([
      { code: 'closed_later', at: '2025-04-03T02:00:00.000Z', text: '2025-04-03 10:00 回访基本满意，销号' },
    ]);
  });

  it('names a sign-for and a return after publication', () => {
    expect(
      codes(moved({ inNumerator: false, statusAsOf: 'reported' }), facts(), [
        event('accept', '2025-04-02T09:00:00+08:00', { departmentId: DEPT_B }),
        event('return', '2025-04-03T09:00:00+08:00', { departmentId: DEPT_B }),
      ]),
    ).toEqual(['signed_for_later', 'returned']);
  });

  it('names a later resolution with its department', () => {
    const reasons = reasonsFor(
      moved({ inNumerator: true }, { inNumerator: false, statusAsOf: 'in_progress' }),
      facts(),
      [event('resolve', '2025-04-05T16:30:00+08:00', { departmentId: DEPT_B })],
      context(),
    );
    expect(reasons).toEqual([
      { code: 'resolved_later', at: '2025-04-05T08:30:00.000Z', text: '2025-04-05 16:30 由 市发改委 办结' },
    ]);
  });

  it('names a withdrawal, with the code of the problem it duplicates', () => {
    const reasons = reasonsFor(
      moved(null),
      facts({ duplicateOfCode: 'JQ-2025-0007' }),
      [event('withdraw', '2025-04-06T09:00:00+08:00', { data: { duplicateOf: 'x' } })],
      context(),
    );
    expect(reasons.map((r) => r.code)).toEqual(['withdrawn']);
    expect(reasons[0]!.text).toContain('JQ-2025-0007');
    expect(reasonsFor(moved(null), facts(), [event('withdraw', '2025-04-06T09:00:00+08:00')], context())[0]!.text).toBe(
      '2025-04-06 09:00 撤回',
    );
  });

  it('names a problem entered after the published instant with a recorded date inside the period', () => {
    const late = facts({ enteredAt: new Date('2025-04-08T09:00:00+08:00') });
    expect(codes(moved({ inNumerator: false, statusAsOf: 'reported' }, null), late, [])).toEqual(['entered_late']);
    // Recorded outside the period, or entered before the instant: not entered late.
    const outside = facts({ reportedAt: new Date('2025-04-02T09:00:00+08:00'), enteredAt: late.enteredAt });
    expect(codes(moved({}, null), outside, [])).toEqual(['changed_since']);
    expect(codes(moved({}, null), facts(), [])).toEqual(['changed_since']);
    // An item that was already counted cannot have been entered late.
    expect(codes(moved({ inNumerator: false }), late, [])).toEqual(['changed_since']);
  });

  it('names a reassignment to another department, not an assignment to the same one', () => {
    const to = (departmentId: string) => event('assign', '2025-04-04T09:00:00+08:00', { departmentId });
    expect(codes(moved({ departmentIdAsOf: DEPT_B }), facts(), [to(DEPT_B)])).toEqual(['reassigned']);
    expect(codes(moved({ statusAsOf: 'assigned' }), facts(), [to(DEPT_A)])).toEqual(['changed_since']);
    // Nothing to move from: a first assignment is not a reassignment.
    expect(codes(moved({}, { departmentIdAsOf: null }), facts(), [to(DEPT_A)])).toEqual(['changed_since']);
    const text = reasonsFor(moved({ departmentIdAsOf: DEPT_B }), facts(), [to(DEPT_B)], context())[0]!.text;
    expect(text).toBe('2025-04-04 09:00 由 市工信局 改派至 市发改委');
  });

  it('names a department renamed since publishing, and a changed definition', () => {
    const renamed = context({ departments: new Map([[DEPT_A, '市工业和信息化局']]) });
    const reasons = reasonsFor(moved({ statusAsOf: 'closed' }), facts(), [], {
      ...renamed,
      currentDefinition: 'resolution-rate/v2',
    });
    expect(reasons.map((r) => [r.code, r.at])).toEqual([
      ['department_renamed', null],
      ['definition_changed', null],
    ]);
    expect(reasons[0]!.text).toBe('责任单位已由“市工信局”更名为“市工业和信息化局”');
    expect(reasons[1]!.text).toBe('口径由 resolution-rate/v1 改为 resolution-rate/v2');
  });

  it('falls back to changed_since, saying what changed, for items without a problem history', () => {
    const text = (d: ItemDifference) => reasonsFor(d, null, [], context())[0]!;
    expect(text(moved(null))).toEqual({ code: 'changed_since', at: null, text: '发布后不再计入' });
    expect(text(moved({}, null)).text).toBe('发布后新计入');
    expect(text(moved({ inNumerator: false })).text).toBe('发布后移出分子');
    expect(text(moved({ inNumerator: true }, { inNumerator: false })).text).toBe('发布后计入分子');
    expect(text(moved({ statusAsOf: 'closed' })).text).toBe('发布后状态或责任单位有变');
  });
});
