import type { components } from '../../api/schema';

/** The report shapes as the service's OpenAPI document declares them (see api/schema.d.ts). */
type Schemas = components['schemas'];

export type PeriodInfo = Schemas['PeriodInfo'];
export type RateFigures = Schemas['RateFigures'];
export type ResolutionRateReport = Schemas['ResolutionRateReport'];
export type Figures = Schemas['Figures'];
export type FiguresReport = Schemas['FiguresWithVisitsReport'];
export type TrendReport = Schemas['TrendReport'];

export type WarningItem = Schemas['WarningItem'];
export type WarningLevel = WarningItem['level'];
export type WarningsResponse = Schemas['WarningsResponse'];

export type WeeklyProblemItem = Schemas['WeeklyProblemItem'];
export type WeeklyRate = Schemas['WeeklyRate'];
export type WeeklyDepartmentRow = Schemas['WeeklyDepartmentRow'];
export type WeeklyReport = Schemas['WeeklyReport'];

export type VisitsReport = Schemas['VisitsReport'];
export type WeeklyVisits = Schemas['WeeklyVisits'];
export type WeeklyOverdueEnterprise = Schemas['WeeklyOverdueEnterprise'];
export type WeeklyIdleOfficial = Schemas['WeeklyIdleOfficial'];
