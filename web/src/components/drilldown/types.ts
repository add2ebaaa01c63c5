import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** A figure's items as GET /reports/:figure/items gives them (see api/schema.d.ts). */
export type DrillDownPage = Schemas['DrillDownPage'];
export type DrillDownItem = Schemas['DrillDownItem'];
export type Definition = Schemas['Definition'];
export type FigureName = DrillDownPage['figure'];

/**
 * What a drill-down shows: a figure for a period, as of an instant, optionally one group of it.
 * `asOf` is the instant the figure on the page was read at; left out, the service takes its
 * default (the period's end, or now while the period runs). The drawer pins every later read to
 * the instant its first read gave.
 */
export interface DrillDownScope {
  figure: FigureName;
  period: string;
  asOf?: string;
  groupBy?: string;
  /** The group's key; `none` for the group without one (problems not yet assigned). */
  group?: string;
  /** The heading of the drawer, e.g. the card's title or the department's name. */
  title: string;
  /** Where the same problems are in the resolution list, when there is such a list. */
  listLink?: string;
}

/** The published figures' shapes, as the service declares them. */
export type PublishedFigure = Schemas['PublishedFigure'];
export type PublishedList = Schemas['PublishedList'];
export type PublishedItemsPage = Schemas['PublishedItemsPage'];
export type ItemSide = Schemas['ItemState'];
export type MovedItem = Schemas['MovedItem'];
export type Reconciliation = Schemas['Reconciliation'];

/**
 * What the items table shows: the drill-down's item, or a published one, which keeps neither the
 * enterprise's id nor the deadline.
 */
export type TableItem = Pick<
  DrillDownItem,
  | 'id'
  | 'itemKey'
  | 'code'
  | 'title'
  | 'enterpriseName'
  | 'inNumerator'
  | 'statusAsOf'
  | 'departmentNameAsOf'
  | 'reason'
> &
  Partial<Pick<DrillDownItem, 'enterpriseId' | 'dueAtAsOf'>> & { reasonCode: string };
