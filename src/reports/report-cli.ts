import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ConfigError, loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database';
import { dataSourceOptions } from '../database/data-source-options';
import { prepareDatabase } from '../database/prepare';
import { GROUP_BYS, type GroupBy } from './resolution-rate.sql';
import { ResolutionRateReport, ReportsService } from './reports.service';
import { ResolutionCounts } from './resolution-counts';
import { LiveFigures } from './live-figures';

const USAGE = `usage: npm run report -- --period 2025-Q1 [--group-by department|district|category|industry] [--as-of <instant>|now]
       npm run report -- --from 2025-01-01 --to 2025-04-01 [...]`;

/** Terminal columns a string takes: CJK characters are two wide. */
function width(text: string): number {
  return [...text].reduce(
    (sum, c) =>
      sum +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
}

function pad(text: string, columns: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)));
  return right ? fill + text : text + fill;
}

export function formatReport(report: ResolutionRateReport): string {
  const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);
  const rows = [
    ...(report.groups ?? []).map((g) => [g.label, String(g.recorded), String(g.resolved), rate(g.ratePercent)]),
    ['合计 Total', String(report.recorded), String(report.resolved), rate(report.ratePercent)],
  ];
  const header = [report.groupBy ?? '', '登记 recorded', '办结 resolved', '办结率 rate'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [
    `办结率 resolution rate · ${report.period.label} [${report.period.from}, ${report.period.to}) ${report.period.timezone}`,
    `as of ${report.asOf}`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(0, -1).map(line),
    ...(rows.length > 1 ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []),
    line(rows[rows.length - 1]!),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      'group-by': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !GROUP_BYS.includes(groupBy as GroupBy)) {
    throw DomainError.invalidField('group-by', `expected one of ${GROUP_BYS.join(', ')}`);
  }
  const config = loadConfig();
  const database = await openDatabase(config, (line) => console.error(line));
  const db = new DataSource(
    dataSourceOptions(database.url, {
      statementTimeoutMs: config.dbStatementTimeoutMs,
      timezone: config.reportTimezone,
    }),
  );
  try {
    await db.initialize();
    await prepareDatabase(db, config, (line) => console.error(line));
    const report = await new ReportsService(db, config, new ResolutionCounts(db), new LiveFigures()).resolutionRate({
      period: values.period,
      from: values.from,
      to: values.to,
      asOf: values['as-of'],
      groupBy: groupBy as GroupBy | undefined,
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    await db.destroy().catch(() => undefined);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DomainError || error instanceof ConfigError) {
    console.error(`${error.message}\n${USAGE}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
