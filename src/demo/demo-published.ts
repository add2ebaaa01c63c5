/**
 * The demo's published figures (发布): the 2025-Q1 resolution rate as of the quarter's end, as the
 * coordination office published it on 2 April 2025, and the 2025-Q2 resolution rate by department
 * as of that quarter's end, published on 2 July 2025. Problems of both quarters were resolved after
 * their quarter ended, so each reconciliation has moved items to show (resolved later).
 *
 * The items come from the drill-down's own SQL over the rows just inserted, exactly as
 * POST /reports/published reads them, and the loader refuses a 2025-Q1 publication other than
 * 116 / 127: the published figure the whole data set is built around.
 */
import { currentDefinition, type FigureName } from '../reports/drill-down/definitions';
import { itemsPage, type ItemRow } from '../reports/drill-down/drill-down.sql';
import { drillDownItem, type AllItems } from '../reports/drill-down/drill-down.service';
import { ITEM_SOURCES, sourceParams } from '../reports/drill-down/item-sources';
import { parsePeriod } from '../reports/periods';
import { insertPublished, publishedRow, storedItem } from '../reports/published/published-record';
import type { Queryable } from './demo-insert';
import { beijing, KEY_RECORDED, KEY_RESOLVED } from './demo-time';

const ZONE = 'Asia/Shanghai';

interface DemoPublication {
  figure: FigureName;
  period: string;
  groupBy?: string;
  publishedAt: number;
  note: string;
}

export const DEMO_PUBLICATIONS: DemoPublication[] = [
  {
    figure: 'resolution-rate',
    period: '2025-Q1',
    publishedAt: beijing(2025, 4, 2, 9),
    note: '2025 年第一季度营商环境通报',
  },
  {
    figure: 'resolution-rate',
    period: '2025-Q2',
    publishedAt: beijing(2025, 7, 2, 9),
    note: '2025 年第二季度办结情况通报',
  },
];

/** Publishes the demo's figures as the demo manager; refuses a 2025-Q1 figure other than the published one. */
export async function insertDemoPublished(db: Queryable): Promise<number> {
  const [manager] = (await db.query(`SELECT id FROM users WHERE username = 'manager'`)) as { id: string }[];
  if (!manager) throw new Error('demo data: the demo manager is missing');
  const departments = new Map(
    ((await db.query('SELECT id, name FROM departments')) as { id: string; name: string }[]).map((d) => [d.id, d.name]),
  );
  for (const publication of DEMO_PUBLICATIONS) {
    const period = parsePeriod(publication.period, ZONE);
    const source = ITEM_SOURCES[publication.figure];
    const sql = source.sql(publication.groupBy);
    const found = (await db.query(
      itemsPage(sql, [], null, null),
      sourceParams(source, period, period.to.toJSDate()),
    )) as (ItemRow & { total: number; numerator: number })[];
    const all: AllItems = {
      scope: {
        figure: publication.figure,
        definition: currentDefinition(publication.figure),
        period: { label: period.label, from: period.from.toISO()!, to: period.to.toISO()!, timezone: ZONE },
        asOf: period.to.toISO()!,
        ...(publication.groupBy ? { groupBy: publication.groupBy } : {}),
        params: [],
        sql,
      },
      total: found[0]?.total ?? 0,
      numerator: found[0]?.numerator ?? 0,
      items: found.map((row) => drillDownItem(publication.figure, row, { departments, timezone: ZONE })),
    };
    if (publication.period === '2025-Q1' && (all.numerator !== KEY_RESOLVED || all.total !== KEY_RECORDED)) {
      throw new Error(
        `demo data: the published 2025-Q1 resolution rate gives ${all.numerator}/${all.total}; expected ${KEY_RESOLVED}/${KEY_RECORDED}`,
      );
    }
    await insertPublished(
      db,
      publishedRow(all, manager.id, null, publication.note),
      all.items.map(storedItem),
      new Date(publication.publishedAt),
    );
  }
  return DEMO_PUBLICATIONS.length;
}
