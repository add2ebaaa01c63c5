import { INITIAL_STATUS, STATUS_LABELS, STATUSES, WITHDRAWN_STATUS } from './statuses';

describe('status labels and the starting status', () => {
  it('labels each status in Chinese and English, as the documents name them', () => {
    expect(Object.keys(STATUS_LABELS)).toEqual([...STATUSES]);
    expect(STATUS_LABELS).toEqual({
      reported: { zh: '待交办', en: 'Reported' },
      assigned: { zh: '已交办', en: 'Assigned' },
      in_progress: { zh: '办理中', en: 'In progress' },
      resolved: { zh: '已办结', en: 'Resolved' },
      closed: { zh: '已销号', en: 'Closed' },
      withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    });
  });

  it('a new problem starts reported; withdrawn is its own status', () => {
    expect(INITIAL_STATUS).toBe('reported');
    expect(WITHDRAWN_STATUS).toBe('withdrawn');
  });
});
