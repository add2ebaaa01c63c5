/** What a notification is about; the inbox and the preferences use these names. */
export const NOTIFICATION_TYPES = [
  'assigned',
  'returned',
  'sign_for_due',
  'due_soon',
  'overdue',
  'escalated',
  'reopened',
  'resolved',
  'extension_requested',
  'extension_decided',
  'visit_due',
  'weekly_ready',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The external channels; the in-app inbox is always on and is not one of them. */
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'email', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Short Chinese names of the types, used at the head of a message. */
export const TYPE_LABELS: Record<NotificationType, string> = {
  assigned: '新交办',
  returned: '问题退回',
  sign_for_due: '签收临期',
  due_soon: '办理临期',
  overdue: '办理超期',
  escalated: '督办',
  reopened: '重新办理',
  resolved: '已办结',
  extension_requested: '延期申请',
  extension_decided: '延期审批结果',
  visit_due: '走访到期',
  weekly_ready: '周调度报告',
};

/** The graphile-worker task that sends one delivery. */
export const DELIVER_TASK = 'deliver_notification';
/** The graphile-worker task that tells managers the weekly report is ready. */
export const WEEKLY_TASK = 'weekly_report_ready';
