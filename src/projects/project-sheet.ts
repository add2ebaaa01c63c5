import type { ProjectItem } from './projects.service';
import { PROJECT_KIND_LABELS, PROJECT_STAGE_LABELS } from './project-vocabulary';

/** A column of the project spreadsheet: import and template read these, export writes them. */
export interface ProjectColumn {
  field:
    | 'code'
    | 'planYear'
    | 'name'
    | 'owner'
    | 'district'
    | 'industry'
    | 'kind'
    | 'plannedTotalInvestmentYuan'
    | 'plannedAnnualInvestmentYuan'
    | 'plannedStartDate'
    | 'department'
    | 'leaderName';
  zh: string;
  /** Other headings for the same column (English first). */
  aliases: string[];
  width: number;
}

/** The columns an import reads, in the template's order; other columns are ignored. */
export const PROJECT_COLUMNS: ProjectColumn[] = [
  { field: 'code', zh: '项目编号', aliases: ['code'], width: 16 },
  { field: 'planYear', zh: '计划年度', aliases: ['planYear'], width: 10 },
  { field: 'name', zh: '项目名称', aliases: ['name'], width: 36 },
  { field: 'owner', zh: '业主企业', aliases: ['owner'], width: 30 },
  { field: 'district', zh: '县区', aliases: ['district'], width: 12 },
  { field: 'industry', zh: '行业', aliases: ['industry'], width: 20 },
  { field: 'kind', zh: '建设性质', aliases: ['kind'], width: 10 },
  { field: 'plannedTotalInvestmentYuan', zh: '计划总投资（元）', aliases: ['plannedTotalInvestmentYuan'], width: 18 },
  {
    field: 'plannedAnnualInvestmentYuan',
    zh: '年度计划投资（元）',
    aliases: ['plannedAnnualInvestmentYuan'],
    width: 18,
  },
  { field: 'plannedStartDate', zh: '计划开工日期', aliases: ['plannedStartDate'], width: 14 },
  { field: 'department', zh: '责任单位', aliases: ['department'], width: 20 },
  { field: 'leaderName', zh: '责任领导', aliases: ['leaderName'], width: 12 },
];

/** Headings compare without case, spaces, brackets' width, underscores or a "required" asterisk. */
export function normaliseHeading(heading: string): string {
  return heading
    .replace(/^\uFEFF/, '')
    .replace(/[\s_*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

const BY_HEADING = new Map<string, ProjectColumn>(
  PROJECT_COLUMNS.flatMap((c) => [c.zh, ...c.aliases].map((h) => [normaliseHeading(h), c])),
);

export function projectColumnFor(heading: string): ProjectColumn | undefined {
  return BY_HEADING.get(normaliseHeading(heading));
}

/** The export's columns: the import's, then what the ledger adds. */
export const EXPORT_HEADINGS = [
  ...PROJECT_COLUMNS.map((c) => c.zh),
  '阶段',
  '累计完成投资（元）',
  '未办结问题',
  '逾期问题',
  '逾期未开工',
];

export function exportRow(p: ProjectItem): (string | number)[] {
  return [
    p.code,
    p.planYear,
    p.name,
    p.ownerEnterpriseName ?? '',
    p.districtName,
    p.industry ?? '',
    PROJECT_KIND_LABELS[p.kind].zh,
    p.plannedTotalInvestmentYuan ?? '',
    p.plannedAnnualInvestmentYuan ?? '',
    p.plannedStartDate ?? '',
    p.departmentName ?? '',
    p.leaderName ?? '',
    PROJECT_STAGE_LABELS[p.stage].zh,
    p.investmentToDateYuan,
    p.openProblems,
    p.overdueProblems,
    p.pastPlannedStart ? '是' : '否',
  ];
}
