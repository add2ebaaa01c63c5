import type { components } from '../../api/schema';

type DeductionItem = components['schemas']['DeductionItem'];
type Component = DeductionItem['component'];

/** The assessment's words, shared by the dashboard card, the weekly page and the weights page. */
export const COMPONENTS: Component[] = ['signFor', 'onTime', 'returns', 'redos', 'satisfaction', 'supervision'];

/** The components' names: [Chinese, English]. */
export const COMPONENT_LABELS: Record<Component, [string, string]> = {
  signFor: ['及时签收', 'Timely sign-for'],
  onTime: ['按期办结', 'On-time resolution'],
  returns: ['退单', 'Returns'],
  redos: ['返工', 'Redos'],
  satisfaction: ['满意度', 'Satisfaction'],
  supervision: ['督办', 'Supervision'],
};

export const KIND_LABELS: Record<DeductionItem['kind'], [string, string]> = {
  not_signed_for: ['逾期未签收', 'Not signed for in time'],
  signed_for_late: ['超时签收', 'Signed for late'],
  resolved_late: ['超期办结', 'Resolved late'],
  returned: ['退单', 'Returned'],
  redo: ['返工', 'Redo'],
  not_satisfied: ['企业不满意', 'Not satisfied'],
  supervised: ['被督办', 'Supervised'],
  supervised_overdue: ['督办逾期未回复', 'Supervision unanswered past its date'],
};

export const LEVEL_LABELS: Record<NonNullable<DeductionItem['level']>, [string, string]> = {
  reminder: ['催办', 'Reminder'],
  supervision: ['督办', 'Supervision'],
  listed: ['挂牌督办', 'Listed supervision'],
};
