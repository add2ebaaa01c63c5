import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type InboxPage = Schemas['InboxResponse'];
export type NotificationItem = Schemas['NotificationItem'];
export type NotificationType = NotificationItem['type'];
export type Preferences = Schemas['PreferencesResponse'];
export type PreferenceItem = Schemas['PreferenceItem'];
export type Channel = Schemas['ChannelResponse'];
export type ChannelKind = Channel['kind'];
export type Delivery = Schemas['DeliveryResponse'];

export const TYPE_NAMES: Record<NotificationType, [string, string]> = {
  assigned: ['新交办', 'Assigned'],
  returned: ['问题退回', 'Returned'],
  sign_for_due: ['签收临期', 'Sign-for due'],
  due_soon: ['办理临期', 'Due soon'],
  overdue: ['办理超期', 'Overdue'],
  escalated: ['督办', 'Escalated'],
  reopened: ['重新办理', 'Reopened'],
  resolved: ['已办结', 'Resolved'],
  extension_requested: ['延期申请', 'Extension requested'],
  extension_decided: ['延期审批结果', 'Extension decided'],
  visit_due: ['走访到期', 'Visit due'],
  weekly_ready: ['周调度报告', 'Weekly report ready'],
};

export const KIND_NAMES: Record<ChannelKind, [string, string]> = {
  wecom: ['企业微信群机器人', 'WeCom robot'],
  dingtalk: ['钉钉群机器人', 'DingTalk robot'],
  email: ['电子邮件', 'E-mail'],
  webhook: ['Webhook（本市系统）', 'Webhook (city systems)'],
};

/** The query key of the unread count, refreshed by the bell and after marking read. */
export const UNREAD_KEY = ['notifications', 'unread'];

/** Where a notification leads: its problem, or the page its type concerns. */
export function notificationTarget(item: NotificationItem): string | null {
  if (item.problemId) return `/problems/${item.problemId}`;
  if (item.type === 'weekly_ready') return '/weekly';
  if (item.type === 'visit_due') return '/my-enterprises';
  return null;
}
