import { renderWeeklyCsv, renderWeeklyHtml, renderWeeklyXlsx } from './render-weekly';
import { publishedSections, WEEKLY_DEFINITIONS, type WeeklyReconciliation } from './weekly-published';
import type { WeeklyReport } from './weekly-report';

const RECONCILIATION: WeeklyReconciliation = {
  publishedId: '6f1d2c3b-0000-4000-8000-000000000001',
  figure: 'resolution-rate',
  definition: 'resolution-rate/v1',
  name: '办结率',
  period: '2025-Q1',
  groupLabel: null,
  publishedAsOf: '2025-03-31T16:00:00.000Z',
  published: { numerator: 116, denominator: 127, ratePercent: 91.3 },
  now: { numerator: 115, denominator: 127, ratePercent: 90.6, definition: 'resolution-rate/v1' },
  moved: [
    {
      code: 'JQ-2025-0042',
      title: '=HYPERLINK("x")',
      before: { inNumerator: true, statusAsOf: 'resolved', departmentNameAsOf: '市工信局' },
      after: { inNumerator: false, statusAsOf: 'in_progress', departmentNameAsOf: '市工信局' },
      reasons: [{ code: 'reopened', at: '2025-04-08T02:00:00.000Z', text: '2025-04-08 10:00 重新打开' }],
    },
  ],
};

/** The smallest report the renderers take, with the two sections about definitions. */
const report = (reconciliations: WeeklyReconciliation[]): WeeklyReport => ({
  week: {
    label: '2025-W15',
    from: '2025-04-07T00:00:00.000+08:00',
    to: '2025-04-14T00:00:00.000+08:00',
    timezone: 'Asia/Shanghai',
  },
  asOf: '2025-04-14T00:00:00.000+08:00',
  visits: {
    visitsThisWeek: 0,
    enterprisesReached: 0,
    coverage: {
      label: '2025-Q2',
      enterprisesVisited: 0,
      enterprisesResponsible: 0,
      coverageRatePercent: null,
      districts: [],
    },
    officialsWithoutVisit: [],
    overdueEnterprises: [],
    overdueTotal: 0,
    policies: [],
  },
  summary: {
    recordedThisWeek: 0,
    resolvedThisWeek: 0,
    closedThisWeek: 0,
    openAtEnd: 0,
    overdueAtEnd: 0,
    escalatedThisWeek: 0,
  },
  rates: {
    quarterToDate: { label: '2025-Q2', definition: 'resolution-rate/v1', recorded: 0, resolved: 0, ratePercent: null },
    yearToDate: { label: '2025', definition: 'resolution-rate/v1', recorded: 0, resolved: 0, ratePercent: null },
  },
  departments: [],
  trend: [],
  listsTruncated: { new: false, overdue: false, escalated: false, unsatisfied: false },
  lists: { new: [], overdue: [], escalated: [], unsatisfied: [] },
  definitions: WEEKLY_DEFINITIONS,
  reconciliations,
});

describe('the weekly report’s definitions and reconciliations', () => {
  it('lists the definition of every rate it prints, with its text', () => {
    const [definitions] = publishedSections(report([]), 'zh');
    expect(definitions!.key).toBe('definitions');
    const rows = definitions!.tables[0]!.rows.map((row) => row.map((cell) => cell.kind === 'text' && cell.value));
    expect(rows.map((row) => row[1])).toEqual(Object.values(WEEKLY_DEFINITIONS));
    expect(rows[0]).toEqual(['办结率', 'resolution-rate/v1', expect.stringContaining('已办结')]);
  });

  it('has no reconciliation section in a week where nothing moved', () => {
    expect(publishedSections(report([]), 'zh').map((s) => s.key)).toEqual(['definitions']);
  });

  it('gives the published and recomputed numbers and the moved items with their reasons', () => {
    const sections = publishedSections(report([RECONCILIATION]), 'zh');
    const section = sections.find((s) => s.key === 'reconciliations')!;
    expect(section.title).toBe('口径核对（本周变动）');
    const [figures, moved] = section.tables;
    const cells = figures!.rows[0]!.map((cell) => ('value' in cell ? cell.value : null));
    expect(cells).toEqual(
      expect.arrayContaining(['办结率', '2025-Q1', 'resolution-rate/v1', '116 / 127', 91.3, '115 / 127', 90.6]),
    );
    expect(moved!.title).toBe('办结率 2025-Q1：本周变动事项');
    expect(moved!.rows[0]!.map((cell) => ('value' in cell ? cell.value : null))).toEqual([
      'JQ-2025-0042',
      '=HYPERLINK("x")',
      '计入分子 · 已办结 · 市工信局',
      '未计入分子 · 办理中 · 市工信局',
      '2025-04-08 10:00 重新打开',
    ]);
  });

  it('renders in every file format, the title from users neutralised in the CSV', async () => {
    const full = report([RECONCILIATION]);
    const csv = renderWeeklyCsv(full, 'zh');
    expect(csv).toContain('口径核对（本周变动）');
    expect(csv).toContain('resolution-rate/v1');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(renderWeeklyHtml(full, 'en')).toContain('Reconciliations of the week');
    const xlsx = await renderWeeklyXlsx(full, 'zh');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});
