/** Bilingual labels for the workflow's codes that reference data does not carry: [Chinese, English]. */
type Pair = [string, string];

export type ActionName =
  | 'assign'
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'return'
  | 'verify'
  | 'reopen'
  | 'withdraw'
  | 'escalate'
  | 'assist_progress'
  | 'assist_done'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'lift';

export const ACTION_LABELS: Record<ActionName, Pair> = {
  assign: ['交办', 'Assign'],
  accept: ['签收', 'Accept'],
  progress: ['填报进展', 'Report progress'],
  resolve: ['办结', 'Resolve'],
  return: ['退回', 'Return'],
  verify: ['回访销号', 'Verify'],
  reopen: ['重新办理', 'Reopen'],
  withdraw: ['撤回', 'Withdraw'],
  escalate: ['督办', 'Escalate'],
  assist_progress: ['填报协办进展', 'Report assisting progress'],
  assist_done: ['协办完成', 'Mark our part done'],
  request_extension: ['申请延期', 'Request an extension'],
  approve_extension: ['批准延期', 'Approve the extension'],
  refuse_extension: ['不予延期', 'Refuse the extension'],
  lift: ['解除督办', 'Lift supervision'],
};

/** What each event in a problem's history is called. */
export const EVENT_LABELS: Record<string, Pair> = {
  created: ['登记', 'Recorded'],
  assign: ['交办', 'Assigned'],
  reassign: ['改派', 'Reassigned'],
  accept: ['签收', 'Accepted'],
  progress: ['办理进展', 'Progress'],
  resolve: ['办结', 'Resolved'],
  return: ['退回', 'Returned'],
  verify: ['回访', 'Verified'],
  reopen: ['重新办理', 'Reopened'],
  withdraw: ['撤回', 'Withdrawn'],
  escalate: ['督办', 'Escalated'],
  assist_progress: ['协办进展', 'Assisting progress'],
  assist_done: ['协办完成', 'Assisting part done'],
  lift: ['解除督办', 'Supervision lifted'],
  link_project: ['关联重点项目', 'Key project linked'],
  request_extension: ['申请延期', 'Extension requested'],
  approve_extension: ['批准延期', 'Extension approved'],
  refuse_extension: ['不予延期', 'Extension refused'],
  warning: ['预警', 'Warning'],
};

/** The status of an assisting department's part (协办). */
export const ASSIST_STATUS_LABELS: Record<string, Pair> = {
  open: ['协办中', 'Assisting'],
  done: ['已完成', 'Done'],
  cancelled: ['已取消', 'Cancelled'],
};

export type SupervisionLevel = 'reminder' | 'supervision' | 'listed';

/** The supervision ladder (督办), lowest first. */
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, Pair> = {
  reminder: ['催办', 'Reminder'],
  supervision: ['督办', 'Supervision'],
  listed: ['挂牌督办', 'Listed supervision'],
};

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export const SATISFACTION_LABELS: Record<Satisfaction, Pair> = {
  satisfied: ['满意', 'Satisfied'],
  basically_satisfied: ['基本满意', 'Basically satisfied'],
  unsatisfied: ['不满意', 'Unsatisfied'],
};

export const WARNING_LABELS: Record<string, Pair> = {
  overdue: ['超期', 'Overdue'],
  due_soon: ['临期', 'Due soon'],
  stale: ['久未办理', 'Stale'],
  sign_for_overdue: ['逾期未签收', 'Not signed for in time'],
};

export const SOURCE_LABELS: Record<string, Pair> = {
  visit: ['走访', 'Visit'],
  hotline: ['12345热线', '12345 hotline'],
  online: ['网上诉求', 'Online'],
  meeting: ['座谈会', 'Meeting'],
  other: ['其他', 'Other'],
};

/** The industries the programme names (enterprises.industry); other values are shown as they are. */
export const INDUSTRY_LABELS: Record<string, Pair> = {
  new_energy_equipment: ['新能源装备制造', 'New energy equipment'],
  renewable_power: ['新能源发电', 'Renewable power'],
  petrochemicals: ['石油化工', 'Petrochemicals'],
  coal_coking: ['煤炭洗选与焦化', 'Coal washing and coking'],
  agri_processing: ['农产品加工', 'Agricultural processing'],
  logistics: ['物流', 'Logistics'],
  tourism: ['文化旅游', 'Tourism'],
};

type T = (zh: string, en: string) => string;

/** The label of a code in a table, or the code itself when the table does not know it. */
export function labelOf(table: Record<string, Pair>, code: string | null | undefined, t: T): string {
  if (!code) return '—';
  const pair = table[code];
  return pair ? t(...pair) : code;
}
