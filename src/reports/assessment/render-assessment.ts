import { excel } from '../../common/excel';
import { guardFormula } from '../../common/spreadsheet-text';
import { DEFINITION_HISTORY } from '../drill-down/definitions';
import { COMPONENTS, type Component } from './assessment-score';
import type { AssessmentReport } from './assessment.response';

/** The components' names, in the two languages of the app. */
export const COMPONENT_LABELS: Record<Component, { zh: string; en: string }> = {
  signFor: { zh: '及时签收', en: 'Timely sign-for' },
  onTime: { zh: '按期办结', en: 'On-time resolution' },
  returns: { zh: '退单', en: 'Returns' },
  redos: { zh: '返工', en: 'Redos' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  supervision: { zh: '督办', en: 'Supervision' },
};

const HEAD = {
  zh: {
    sheet: '部门考核',
    definition: '口径',
    rank: '排名',
    department: '部门',
    score: '得分',
    weight: '权重',
    of: '分子/分母',
    points: '得分',
  },
  en: {
    sheet: 'Assessment',
    definition: 'Definition',
    rank: 'Rank',
    department: 'Department',
    score: 'Score',
    weight: 'weight',
    of: 'numerator/denominator',
    points: 'points',
  },
} as const;

/**
 * The ranking as a spreadsheet: above the table, the period and instant, then the definition the
 * score was computed under (its id and text), so that a printed copy says what it measures; then one
 * row per department, each component's counts and points.
 */
export async function renderAssessmentXlsx(report: AssessmentReport, lang: 'zh' | 'en'): Promise<Buffer> {
  const head = HEAD[lang];
  const workbook = new (excel().Workbook)();
  const sheet = workbook.addWorksheet(head.sheet);
  sheet.addRow([`${report.period.label}`, `asOf ${report.asOf}`]);
  const definition = DEFINITION_HISTORY.find((d) => d.id === report.definitions.score);
  sheet.addRow([
    head.definition,
    report.definitions.score,
    definition ? definition[lang === 'zh' ? 'textZh' : 'text'] : '',
  ]);
  sheet.addRow([
    head.rank,
    head.department,
    head.score,
    ...COMPONENTS.flatMap((c) => {
      const label = `${COMPONENT_LABELS[c][lang]} (${head.weight} ${report.weights[c]})`;
      return [`${label} ${head.of}`, `${label} ${head.points}`];
    }),
  ]);
  for (const d of report.departments) {
    sheet.addRow([
      d.rank,
      guardFormula(d.name),
      d.score,
      ...COMPONENTS.flatMap((c) => {
        const part = d.components[c];
        return [`${part.numerator}/${part.denominator}`, part.points];
      }),
    ]);
  }
  sheet.getRow(3).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 24 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
