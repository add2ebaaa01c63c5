import { DatePicker, Form, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { SUPERVISION_LEVEL_LABELS, type SupervisionLevel } from './labels';

type Candidate = components['schemas']['CandidateResponse'];

export interface EscalateValues {
  level?: SupervisionLevel;
  leaderId?: string;
  answerByDate?: dayjs.Dayjs;
}

const LEVELS: SupervisionLevel[] = ['reminder', 'supervision', 'listed'];

/**
 * The rung of the ladder (催办, 督办, 挂牌督办; above the active one), the supervising leader (a
 * manager or an admin) and the date the department answers by (default: three working days).
 */
export function EscalateFields({ current }: { current: SupervisionLevel | null }) {
  const { t } = useI18n();
  const leaders = useQuery({
    queryKey: ['supervision-leaders'],
    queryFn: ({ signal }) => api<Candidate[]>('/responsibilities/candidates', { signal }),
    select: (all) => all.filter((c) => c.role === 'manager' || c.role === 'admin'),
    staleTime: 300_000,
  });
  const above = current ? LEVELS.slice(LEVELS.indexOf(current) + 1) : LEVELS;
  return (
    <>
      <Form.Item
        name="level"
        label={t('督办级别', 'Level')}
        rules={[{ required: true, message: t('请选择督办级别', 'Choose the level') }]}
      >
        <Radio.Group
          data-testid="escalate-level"
          options={LEVELS.map((value) => ({
            value,
            label: t(...SUPERVISION_LEVEL_LABELS[value]),
            disabled: !above.includes(value),
          }))}
        />
      </Form.Item>
      <Form.Item name="leaderId" label={t('督办领导（可选）', 'Supervising leader (optional)')}>
        <Select
          data-testid="escalate-leader"
          aria-label={t('督办领导', 'Supervising leader')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={leaders.isLoading}
          options={(leaders.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
        />
      </Form.Item>
      <Form.Item
        name="answerByDate"
        label={t('回应期限（可选，默认 3 个工作日）', 'Answer by (optional; default 3 working days)')}
      >
        <DatePicker
          data-testid="escalate-answer-by"
          aria-label={t('回应期限', 'Answer by')}
          disabledDate={(day) => day.isBefore(dayjs(), 'day')}
        />
      </Form.Item>
    </>
  );
}
