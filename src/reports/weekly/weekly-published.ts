import type { DateTime } from 'luxon';
import { formatInstant, sheetInstant } from '../../common/spreadsheet-text';
import { STATUS_LABELS, type Status } from '../../workflow/statuses';
import { DEFINITION_HISTORY, DEFINITION_IDS } from '../drill-down/definitions';
import type { PublishedService } from '../published/published.service';
import type { Cell, Table } from './render-weekly';
import type { WatchSection } from './render-weekly-watch';
import type { ReportLanguage, WeeklyReport } from './weekly-report';

/**
 * Two parts of the weekly report about definitions (口径): which definition each rate it prints
 * was computed under, and the reconciliations of the week (口径核对): every published figure
 * with an item that moved during the week (a reason dated in it), its published and recomputed
 * numbers and those items with their reasons, recomputed as of the report's instant.
 */

/** The rates the weekly report prints, each with the id of its definition. */
export interface WeeklyDefinitions {
  resolutionRate: string;
  visitCoverageRate: string;
  onTimeRate: string;
  onTimeWithExtensionRate: string;
  signForRate: string;
  assessmentScore: string;
}

export const WEEKLY_DEFINITIONS: WeeklyDefinitions = {
  resolutionRate: DEFINITION_IDS['resolution-rate'],
  visitCoverageRate: DEFINITION_IDS['visit-coverage-rate'],
  onTimeRate: DEFINITION_IDS['on-time-rate'],
  onTimeWithExtensionRate: DEFINITION_IDS['on-time-with-extension-rate'],
  signForRate: DEFINITION_IDS['sign-for-rate'],
  assessmentScore: DEFINITION_IDS['assessment-score'],
};

export interface WeeklyMovedState {
  inNumerator: boolean;
  statusAsOf: string | null;
  departmentNameAsOf: string | null;
}

export interface WeeklyMovedItem {
  code: string;
  title: string;
  before: WeeklyMovedState | null;
  after: WeeklyMovedState | null;
  reasons: { code: string; at: string | null; text: string }[];
}

export interface WeeklyReconciliation {
  publishedId: string;
  figure: string;
  /** The definition it was published under, and its name. */
  definition: string;
  name: string;
  period: string;
  groupLabel: string | null;
  publishedAsOf: string;
  published: { numerator: number; denominator: number; ratePercent: number | null };
  now: { numerator: number; denominator: number; ratePercent: number | null; definition: string };
  /** The items with a reason dated in the week. */
  moved: WeeklyMovedItem[];
}

/**
 * The published figures reconciled as of `end`, kept when an item moved in [from, end): only those
 * whose items' problems had an event in the week are reconciled at all.
 */
export async function weeklyReconciliations(
  service: PublishedService,
  from: DateTime,
  end: DateTime,
): Promise<WeeklyReconciliation[]> {
  const found: WeeklyReconciliation[] = [];
  const inWeek = (at: string | null) => at !== null && at >= from.toUTC().toISO()! && at < end.toUTC().toISO()!;
  for (const figure of await service.touchedIn(from.toJSDate(), end.toJSDate())) {
    const r = await service.reconcile(figure.id, end.toISO()!);
    const moved = r.moved.filter((m) => m.reasons.some((reason) => inWeek(reason.at)));
    if (moved.length === 0) continue;
    found.push({
      publishedId: figure.id,
      figure: figure.figure,
      definition: figure.definition,
      name: figure.definitionText.nameZh,
      period: figure.period.label,
      groupLabel: figure.groupLabel ?? null,
      publishedAsOf: figure.asOf,
      published: { numerator: figure.numerator, denominator: figure.denominator, ratePercent: figure.ratePercent },
      now: r.now,
      moved: moved.map((m) => ({
        code: m.code,
        title: m.title,
        before: m.before && {
          inNumerator: m.before.inNumerator,
          statusAsOf: m.before.statusAsOf,
          departmentNameAsOf: m.before.departmentNameAsOf,
        },
        after: m.after && {
          inNumerator: m.after.inNumerator,
          statusAsOf: m.after.statusAsOf,
          departmentNameAsOf: m.after.departmentNameAsOf,
        },
        reasons: m.reasons,
      })),
    });
  }
  return found;
}

const WORDS = {
  zh: {
    definitionsTitle: '口径',
    definitionsSheet: '口径',
    definitionColumns: ['指标', '口径', '说明'],
    title: '口径核对（本周变动）',
    sheet: '口径核对',
    figureColumns: ['指标', '统计期', '分组', '发布口径', '发布时点', '发布数', '发布率', '现行口径', '现数', '现率'],
    movedTitle: (name: string, period: string) => `${name} ${period}：本周变动事项`,
    movedColumns: ['编号', '名称', '发布时', '现在', '原因'],
    counted: '计入分子',
    notCounted: '未计入分子',
    absent: '未计入',
  },
  en: {
    definitionsTitle: 'Definitions',
    definitionsSheet: 'Definitions',
    definitionColumns: ['Rate', 'Definition', 'Text'],
    title: 'Reconciliations of the week',
    sheet: 'Reconciliations',
    figureColumns: [
      'Figure',
      'Period',
      'Group',
      'Published under',
      'Published as of',
      'Published',
      'Rate',
      'Now under',
      'Now',
      'Rate now',
    ],
    movedTitle: (name: string, period: string) => `${name} ${period}: items moved this week`,
    movedColumns: ['Code', 'Title', 'When published', 'Now', 'Why'],
    counted: 'in numerator',
    notCounted: 'not in numerator',
    absent: 'not counted',
  },
} as const;

const text = (value: string | null): Cell => ({ kind: 'text', value });
const userText = (value: string | null): Cell => ({ kind: 'text', value, fromUser: true });
const rate = (value: number | null): Cell => ({ kind: 'rate', value });

function stateText(state: WeeklyMovedState | null, lang: ReportLanguage): string {
  const w = WORDS[lang];
  if (state === null) return w.absent;
  const status =
    state.statusAsOf && state.statusAsOf in STATUS_LABELS
      ? STATUS_LABELS[state.statusAsOf as Status][lang]
      : (state.statusAsOf ?? '');
  return [state.inNumerator ? w.counted : w.notCounted, status, state.departmentNameAsOf ?? '']
    .filter(Boolean)
    .join(' · ');
}

/** The definitions table (口径) and, when any figure moved, the reconciliations (口径核对). */
export function publishedSections(report: WeeklyReport, lang: ReportLanguage): WatchSection[] {
  const w = WORDS[lang];
  const sections: WatchSection[] = [];
  if (report.definitions) {
    const rows = Object.values(report.definitions).map((id): Cell[] => {
      const definition = DEFINITION_HISTORY.find((d) => d.id === id);
      return [
        text(definition ? (lang === 'zh' ? definition.nameZh : definition.name) : id),
        text(id),
        text(definition ? (lang === 'zh' ? definition.textZh : definition.text) : ''),
      ];
    });
    sections.push({
      key: 'definitions',
      title: w.definitionsTitle,
      sheet: w.definitionsSheet,
      tables: [
        {
          title: w.definitionsTitle,
          columns: w.definitionColumns.map((heading, i) => ({ heading, width: [20, 34, 80][i]! })),
          rows,
        },
      ],
    });
  }
  const found = report.reconciliations ?? [];
  if (found.length > 0) {
    const zone = report.week.timezone;
    const figures: Table = {
      title: w.title,
      columns: w.figureColumns.map((heading, i) => ({ heading, width: i === 0 ? 16 : 14 })),
      rows: found.map((r) => [
        text(r.name),
        text(r.period),
        text(r.groupLabel),
        text(r.definition),
        { kind: 'date', value: sheetInstant(r.publishedAsOf, zone), csv: formatInstant(r.publishedAsOf, zone) },
        text(`${r.published.numerator} / ${r.published.denominator}`),
        rate(r.published.ratePercent),
        text(r.now.definition),
        text(`${r.now.numerator} / ${r.now.denominator}`),
        rate(r.now.ratePercent),
      ]),
    };
    const moved: Table[] = found.map((r) => ({
      title: w.movedTitle(r.name, r.period),
      columns: w.movedColumns.map((heading, i) => ({ heading, width: [14, 36, 24, 24, 60][i]! })),
      rows: r.moved.map((m) => [
        text(m.code),
        userText(m.title),
        text(stateText(m.before, lang)),
        text(stateText(m.after, lang)),
        userText(m.reasons.map((reason) => reason.text).join('；')),
      ]),
    }));
    sections.push({ key: 'reconciliations', title: w.title, sheet: w.sheet, tables: [figures, ...moved] });
  }
  return sections;
}
