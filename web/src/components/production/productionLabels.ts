import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type ProductionStatus = Schemas['StatusEventResponse']['status'];
export type StatusHistory = Schemas['StatusHistoryResponse'];
export type StatusEvent = Schemas['StatusEventResponse'];

/** 正常 / 减产 / 停产, with the tag colour each shows in. */
export const PRODUCTION_STATUS_LABELS: Record<ProductionStatus, { name: [string, string]; color: string }> = {
  normal: { name: ['正常', 'Normal'], color: 'green' },
  reduced: { name: ['减产', 'Reduced output'], color: 'orange' },
  idle: { name: ['停产', 'Idle'], color: 'red' },
};

export const PRODUCTION_STATUS_CODES = Object.keys(PRODUCTION_STATUS_LABELS) as ProductionStatus[];
