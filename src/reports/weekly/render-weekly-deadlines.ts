import { formatInstant } from './weekly-labels';
import type { ReportLanguage, WeeklyReport } from './weekly-report';
import type { Cell, Table } from './render-weekly';
import type { WatchSection } from './render-weekly-watch';

const WORDS = {
  zh: {
    title: '时限管理',
    item: '指标',
    value: '数值',
    figures: (label: string) => `${label} 季度至今`,
    onTime: '按期办结率（%）',
    onTimeCounts: '按期办结 / 办结',
    withExtension: '延期后按期办结率（%）',
    withExtensionCounts: '延期后按期 / 办结',
    signFor: '及时签收率（%）',
    signForCounts: '及时签收 / 应签收',
    redos: '返工（次）',
    extensions: '本周延期申请',
    extensionColumns: ['问题编号', '问题', '申请单位', '原时限', '申请延期至', '延期理由', '申请时间', '审批结果'],
    decisions: { pending: '待审批', approved: '已批准', refused: '不予延期' },
    lateSignFor: '本周逾期签收',
    lateColumns: ['问题编号', '问题', '责任单位', '签收时限', '签收时间', '逾期（小时）'],
    notSigned: '未签收',
  },
  en: {
    title: 'Deadlines',
    item: 'Figure',
    value: 'Value',
    figures: (label: string) => `${label} to date`,
    onTime: 'On-time rate (%)',
    onTimeCounts: 'On time / resolved',
    withExtension: 'On time with extensions (%)',
    withExtensionCounts: 'On time with extensions / resolved',
    signFor: 'Timely sign-for rate (%)',
    signForCounts: 'Signed for in time / due',
    redos: 'Redos',
    extensions: 'Extension requests this week',
    extensionColumns: ['Code', 'Problem', 'Department', 'Deadline', 'Asked for', 'Reason', 'Asked at', 'Decision'],
    decisions: { pending: 'Pending', approved: 'Approved', refused: 'Refused' },
    lateSignFor: 'Late sign-fors this week',
    lateColumns: ['Code', 'Problem', 'Department', 'Sign for by', 'Signed for', 'Hours late'],
    notSigned: 'Not yet',
  },
} as const;

const text = (value: string | null): Cell => ({ kind: 'text', value });
const userText = (value: string | null): Cell => ({ kind: 'text', value, fromUser: true });
const num = (value: number | null): Cell => ({ kind: 'number', value });
const rate = (value: number | null): Cell => ({ kind: 'rate', value });

function table(title: string, headings: readonly string[], widths: number[], rows: Cell[][]): Table {
  return { title, columns: headings.map((heading, i) => ({ heading, width: widths[i]! })), rows };
}

/** The deadline section (时限管理) as tables for every format, or none when the report carries none. */
export function deadlineSection(report: WeeklyReport, lang: ReportLanguage): WatchSection | undefined {
  const d = report.deadlines;
  if (!d) return undefined;
  const w = WORDS[lang];
  const zone = report.week.timezone;
  const at = (iso: string | null) => text(iso === null ? null : formatInstant(iso, zone));
  const q = d.quarterToDate;
  return {
    key: 'deadlines',
    title: w.title,
    sheet: w.title,
    tables: [
      table(
        w.figures(q.label),
        [w.item, w.value],
        [34, 20],
        [
          [text(w.onTime), rate(q.onTime.ratePercent)],
          [text(w.onTimeCounts), text(`${q.onTime.onTime} / ${q.onTime.resolved}`)],
          [text(w.withExtension), rate(q.onTimeWithExtension.ratePercent)],
          [
            text(w.withExtensionCounts),
            text(`${q.onTimeWithExtension.onTimeWithExtension} / ${q.onTimeWithExtension.resolved}`),
          ],
          [text(w.signFor), rate(q.signFor.ratePercent)],
          [text(w.signForCounts), text(`${q.signFor.timely} / ${q.signFor.due}`)],
          [text(w.redos), num(q.redos)],
        ],
      ),
      table(
        w.extensions,
        w.extensionColumns,
        [14, 32, 18, 17, 17, 32, 17, 10],
        d.extensions.map((e) => [
          text(e.code),
          userText(e.title),
          userText(e.departmentName),
          at(e.previousDueAt),
          at(e.requestedDueAt),
          userText(e.reason),
          at(e.requestedAt),
          text(w.decisions[e.decision]),
        ]),
      ),
      table(
        w.lateSignFor,
        w.lateColumns,
        [14, 32, 18, 17, 17, 12],
        d.lateSignFor.map((l) => [
          text(l.code),
          userText(l.title),
          userText(l.departmentName),
          at(l.signForDueAt),
          l.signedForAt === null ? text(w.notSigned) : at(l.signedForAt),
          num(l.hoursLate),
        ]),
      ),
    ],
  };
}
