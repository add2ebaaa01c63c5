import type { components } from '../../api/schema';

/** The service's answers that these pages read, as its OpenAPI document declares them (see api/schema.d.ts). */
type Schemas = components['schemas'];

export type Status = Schemas['Status'];
export type ProblemEvent = Schemas['ProblemEventResponse'];
export type Problem = Schemas['ProblemResponse'];
export type Enterprise = Schemas['EnterpriseResponse'];

/** A keyset page of any list: ProblemPage, EnterprisePage. */
export type Page<T> = Omit<Schemas['ProblemPage'], 'items'> & { items: T[] };

export const OPEN_STATUSES: Status[] = ['reported', 'assigned', 'in_progress'];
