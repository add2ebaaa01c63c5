import type { ItemRow } from './drill-down.sql';
import { assistReason, projectReason, visitReason } from './outreach-items';
import type { ReasonContext } from './item-sources';

const context: ReasonContext = {
  departments: new Map([['dep-1', '市自然资源局']]),
  timezone: 'Asia/Shanghai',
};

/** An item row with only what a reason reads set; the rest is blank. */
function row(more: Partial<ItemRow>): ItemRow {
  return {
    item_key: 'k',
    item_id: 'i',
    group_key: null,
    sort_at: new Date(0),
    sort_text: '',
    in_numerator: false,
    counted_at: null,
    counted_department_id: null,
    judged_due_at: null,
    detail: {},
    code: 'c',
    title: 't',
    enterprise_id: null,
    enterprise_name: null,
    district_code: null,
    category_code: null,
    status_as_of: null,
    department_id_as_of: null,
    due_at_as_of: null,
    ...more,
  };
}

describe('visitReason', () => {
  it('gives the day of the first visit in the report time zone and who made it', () => {
    // 2025-02-13 17:30 UTC is 2025-02-14 01:30 in Beijing.
    const visited = row({
      in_numerator: true,
      counted_at: new Date('2025-02-13T17:30:00Z'),
      detail: { officials: ['张三', '李四'] },
    });
    expect(visitReason(visited, context)).toEqual({ code: 'visited', text: '2025-02-14 走访（张三、李四）' });
  });

  it('leaves out the officials when none is known, and says when there was no visit', () => {
    const visited = row({ in_numerator: true, counted_at: new Date('2025-02-14T02:00:00Z'), detail: {} });
    expect(visitReason(visited, context)).toEqual({ code: 'visited', text: '2025-02-14 走访' });
    expect(visitReason(row({ detail: { officials: [] } }), context)).toEqual({
      code: 'not_visited',
      text: '期内未走访',
    });
  });
});

describe('projectReason', () => {
  const start = new Date('2025-03-01T02:00:00Z');

  it('gives the start, and the stage reached when it has gone further', () => {
    const started = row({ in_numerator: true, counted_at: start, detail: { stage: 'started' } });
    expect(projectReason(started, context)).toEqual({ code: 'started', text: '2025-03-01 开工' });
    const completed = row({ in_numerator: true, counted_at: start, detail: { stage: 'completed' } });
    expect(projectReason(completed, context)).toEqual({ code: 'started', text: '2025-03-01 开工，截至统计时点竣工' });
  });

  it('gives the stage of a project not started, preparation when it has none', () => {
    expect(projectReason(row({ detail: { stage: 'preparation' } }), context)).toEqual({
      code: 'not_started',
      text: '截至统计时点未开工（前期）',
    });
    expect(projectReason(row({ detail: { stage: null } }), context).text).toBe('截至统计时点未开工（前期）');
  });
});

describe('assistReason', () => {
  const done = new Date('2025-05-02T03:00:00Z');

  it('names the assisting department and the deadline it met', () => {
    const onTime = row({
      in_numerator: true,
      counted_at: done,
      counted_department_id: 'dep-1',
      judged_due_at: new Date('2025-05-10T10:00:00Z'),
    });
    expect(assistReason(onTime, context)).toEqual({
      code: 'done_on_time',
      text: '2025-05-02 由 市自然资源局 完成协办，不晚于时限 2025-05-10',
    });
    expect(assistReason({ ...onTime, judged_due_at: null }, context).text).toBe(
      '2025-05-02 由 市自然资源局 完成协办，未设时限',
    );
  });

  it('names the deadline it missed, and a department by its id when its name is unknown', () => {
    const late = row({
      counted_at: done,
      counted_department_id: 'dep-2',
      judged_due_at: new Date('2025-04-30T10:00:00Z'),
    });
    expect(assistReason(late, context)).toEqual({
      code: 'done_late',
      text: '2025-05-02 由 dep-2 完成协办，超过时限 2025-04-30',
    });
  });
});
