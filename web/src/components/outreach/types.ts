import type { components } from '../../api/schema';

/** The outreach answers these pages read, as the service's OpenAPI document declares them. */
type Schemas = components['schemas'];

export type Tier = Schemas['EnterpriseResponse']['tier'];
export type EnterpriseDetail = Schemas['EnterpriseDetailResponse'];
export type EnterpriseChange = Schemas['EnterpriseChangeResponse'];
export type Responsibility = Schemas['ResponsibilityResponse'];
export type MyEnterprise = Schemas['MyEnterpriseResponse'];
export type MyEnterprises = Schemas['MyEnterprisesResponse'];
export type TierInterval = Schemas['TierIntervalResponse'];
export type Candidate = Schemas['CandidateResponse'];
export type HandoverResult = Schemas['HandoverResponse'];
export type AssignmentImportResult = Schemas['AssignmentImportResponse'];
