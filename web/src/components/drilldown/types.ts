import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** A figure's items as GET /reports/:figure/items gives them (see api/schema.d.ts). */
export type DrillDownPage = Schemas['DrillDownPage'];
export type DrillDownItem = Schemas['DrillDownItem'];
export type Definition = Schemas['Definition'];
export type FigureName = DrillDownPage['figure'];

/**
 * What a drill-down shows: a figure for a period, as of an instant, optionally one group of it.
 * `asOf` is left out for the period's end (the service's default), `now` for the present.
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
