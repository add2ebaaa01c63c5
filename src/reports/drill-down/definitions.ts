/**
 * The definitions (口径) of the figures, each with a version. A figure in a response, an export or a
 * printed report names the definition it was computed under (`resolution-rate/v1`); a published
 * figure keeps the one it was published under. Changing what a figure counts means adding a new
 * version here (and keeping the old one for the figures published under it), never editing one.
 */

export const FIGURES = [
  'resolution-rate',
  'on-time-rate',
  'on-time-with-extension-rate',
  'satisfaction-rate',
  'sign-for-rate',
  'visit-coverage-rate',
  'project-start-rate',
  'assist-on-time-rate',
] as const;
export type FigureName = (typeof FIGURES)[number];

/**
 * Figures without a numerator and a denominator of items of their own, whose definitions travel
 * with them all the same: the assessment's score opens onto its deductions instead
 * (GET /reports/assessment/:departmentId/deductions).
 */
export const SCORES = ['assessment-score'] as const;
export type ScoreName = (typeof SCORES)[number];

/** What one item of a figure's drill-down is. */
export type ItemKind = 'problem' | 'assignment' | 'enterprise' | 'project' | 'assist_part';

export interface FigureDefinition {
  figure: FigureName | ScoreName;
  version: number;
  /** `figure/vN`: what responses and published figures carry. */
  id: string;
  nameZh: string;
  name: string;
  /** The definition in one sentence, as the coordination office states it. */
  textZh: string;
  text: string;
  item: ItemKind | 'deduction';
  /** The groupings the figure's drill-down takes (its `groupBy` values). */
  groupBys: readonly string[];
}

type Entry = Omit<FigureDefinition, 'id' | 'figure'>;

const ENTRIES: Record<FigureName | ScoreName, Entry[]> = {
  'resolution-rate': [
    {
      version: 1,
      nameZh: '办结率',
      name: 'Resolution rate',
      textZh: '截至 T 已办结或已销号的问题 ÷ 在 P 内登记、截至 T 已录入且截至 T 未撤回的问题',
      text: 'resolved or closed as of T ÷ recorded in P, entered by T, not withdrawn as of T',
      item: 'problem',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
  ],
  'on-time-rate': [
    {
      version: 1,
      nameZh: '按期办结率',
      name: 'On-time rate',
      textZh: '在 P 内（截至 T）最后一次办结、且不晚于此前最后一次交办时限的问题 ÷ 在 P 内（截至 T）最后一次办结的问题',
      text: 'problems whose last resolution in P (before T) was on or before the deadline of the latest assignment before it ÷ problems whose last resolution in P was before T',
      item: 'problem',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
    {
      version: 2,
      nameZh: '按期办结率',
      name: 'On-time rate',
      textZh:
        '在 P 内（截至 T）最后一次办结、且不晚于该轮首次交给办结单位的时限的问题 ÷ 在 P 内（截至 T）最后一次办结的问题；同单位改派与延期都不改变首次时限',
      text: 'problems whose last resolution in P (before T) was on or before the deadline first given, in that round, to the resolving department ÷ problems whose last resolution in P was before T; neither a same-department reassignment nor an extension moves that deadline',
      item: 'problem',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
  ],
  'on-time-with-extension-rate': [
    {
      version: 1,
      nameZh: '延期后按期办结率',
      name: 'On time with approved extensions',
      textZh: '同按期办结率，但时限取该轮在办结前最后一次批准给办结单位的延期日期（未延期的取首次时限）',
      text: 'as the on-time rate, judged against the latest extension approved to the resolving department in the round before the resolution (the first deadline when none was)',
      item: 'problem',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
  ],
  'satisfaction-rate': [
    {
      version: 1,
      nameZh: '满意率',
      name: 'Satisfaction rate',
      textZh: '在 P 内（截至 T）最后一次回访评价为满意或基本满意的问题 ÷ 在 P 内（截至 T）回访过的问题',
      text: 'problems whose last verification in P (before T) was satisfied or basically satisfied ÷ problems verified in P before T',
      item: 'problem',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
  ],
  'sign-for-rate': [
    {
      version: 1,
      nameZh: '及时签收率',
      name: 'Timely sign-for rate',
      textZh: '在签收时限内签收的交办 ÷ 在 P 内交给新单位、带签收时限、截至 T 已签收或已过签收时限的交办',
      text: 'assignments signed for by their sign-for deadline ÷ assignments in P to a new department, with a sign-for deadline, signed for or past that deadline as of T',
      item: 'assignment',
      groupBys: ['department', 'district', 'category', 'industry'],
    },
  ],
  'visit-coverage-rate': [
    {
      version: 1,
      nameZh: '走访覆盖率',
      name: 'Visit coverage rate',
      textZh: '在 P 内有包联干部、且在 P 内（截至 T）至少走访一次的企业 ÷ 在 P 内有包联干部的企业',
      text: 'enterprises under responsibility during P visited at least once in P (as of T) ÷ enterprises under responsibility during P',
      item: 'enterprise',
      groupBys: ['district', 'official', 'tier'],
    },
  ],
  'project-start-rate': [
    {
      version: 1,
      nameZh: '重点项目开工率',
      name: 'Key project start rate',
      textZh: '截至 T 已开工的计划内重点项目 ÷ P 所在年度计划内的重点项目（截至 T 未撤出计划）',
      text: "key projects started as of T ÷ key projects in the plan of P's year (not taken out of it as of T)",
      item: 'project',
      groupBys: ['district', 'industry', 'department'],
    },
  ],
  'assist-on-time-rate': [
    {
      version: 1,
      nameZh: '协办按期完成率',
      name: 'Assisting parts done on time',
      textZh: '截至 T 在其交办时限内完成的协办任务 ÷ 在 P 内交办、截至 T 已完成的协办任务',
      text: 'assisting parts given by assignments in P and done by the assignment’s deadline ÷ those parts done as of T',
      item: 'assist_part',
      groupBys: ['department'],
    },
  ],
  'assessment-score': [
    {
      version: 1,
      nameZh: '考核得分',
      name: 'Assessment score',
      textZh:
        '100 分按权重分给及时签收、按期办结、退单、返工、满意度和督办六项；每项按该单位在 P 内（截至 T）的表现扣分，权重取 T 时有效的一组',
      text: "100 points shared by weight among timely sign-for, on-time resolution, returns, redos, satisfaction and supervision; each loses points by the department's record in P as of T, under the weights in force at T",
      item: 'deduction',
      groupBys: ['department'],
    },
  ],
};

function withId(figure: FigureName | ScoreName, entry: Entry): FigureDefinition {
  return { figure, id: `${figure}/v${entry.version}`, ...entry };
}

/** Every version of every definition, oldest first per figure. */
export const DEFINITION_HISTORY: FigureDefinition[] = [...FIGURES, ...SCORES].flatMap((figure) =>
  ENTRIES[figure].map((entry) => withId(figure, entry)),
);

/** The definition each figure is computed under now: its latest version. */
export function currentDefinition(figure: FigureName | ScoreName): FigureDefinition {
  const entries = ENTRIES[figure];
  return withId(figure, entries[entries.length - 1]!);
}

/** `figure/vN` of the current definitions, keyed by figure: what a response's figures carry. */
export const DEFINITION_IDS = Object.fromEntries(
  [...FIGURES, ...SCORES].map((f) => [f, currentDefinition(f).id]),
) as Record<FigureName | ScoreName, string>;

/** The definition of each rate of the figures (GET /reports/figures, the trend), by its field. */
export const RATE_DEFINITIONS = {
  resolutionRate: DEFINITION_IDS['resolution-rate'],
  onTimeRate: DEFINITION_IDS['on-time-rate'],
  onTimeWithExtensionRate: DEFINITION_IDS['on-time-with-extension-rate'],
  signForRate: DEFINITION_IDS['sign-for-rate'],
  satisfactionRate: DEFINITION_IDS['satisfaction-rate'],
};
export type RateDefinitions = typeof RATE_DEFINITIONS;

/** The figure each rate of the figures is, by its field. */
const RATE_FIGURES: Record<keyof RateDefinitions, FigureName> = {
  resolutionRate: 'resolution-rate',
  onTimeRate: 'on-time-rate',
  onTimeWithExtensionRate: 'on-time-with-extension-rate',
  signForRate: 'sign-for-rate',
  satisfactionRate: 'satisfaction-rate',
};

/**
 * A period as a query names it again: its label (`2025-Q1`), or the from and to an explicit
 * period's label (`from/to`) is made of.
 */
export function periodQuery(period: { label: string; from: string; to: string }): Record<string, string> {
  return period.label.includes('/') ? { from: period.from, to: period.to } : { period: period.label };
}

/**
 * The drill-down of a figure at exactly its period and instant: a path under /api/v1 that lists
 * the items the figure counted (a group's: add `groupBy` and `group`).
 */
export function itemsPath(
  figure: FigureName,
  scope: { label: string; from: string; to: string; asOf: string },
): string {
  const query = new URLSearchParams(periodQuery(scope));
  query.set('asOf', scope.asOf);
  return `/reports/${figure}/items?${query}`;
}

/** The drill-down path of each rate of the figures. */
export function rateItemsPaths(scope: Parameters<typeof itemsPath>[1]): RateDefinitions {
  const entries = Object.entries(RATE_FIGURES).map(([field, figure]) => [field, itemsPath(figure, scope)]);
  return Object.fromEntries(entries) as RateDefinitions;
}
