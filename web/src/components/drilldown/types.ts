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

/** One published figure, as POST and GET /reports/published give it. */
export interface PublishedFigure {
  id: string;
  figure: FigureName;
  /** The definition's id, e.g. `resolution-rate/v1`. */
  definition: string;
  definitionText?: string;
  period: { label: string; from: string; to: string; timezone: string };
  asOf: string;
  groupBy?: string;
  group?: string | null;
  numerator: number;
  denominator: number;
  ratePercent: number | null;
  checksum: string;
  publishedBy: string;
  publishedAt: string;
  note?: string | null;
}

export interface PublishedList {
  items: PublishedFigure[];
  nextCursor: string | null;
}

/** An item's place in a figure at one instant, before or after a reconciliation. */
export interface ItemSide {
  inNumerator: boolean;
  statusAsOf: string | null;
  departmentIdAsOf: string | null;
}

export interface MovedItem {
  id: string;
  code: string;
  title: string;
  before: ItemSide | null;
  after: ItemSide | null;
  reasons: { code: string; at: string | null; text: string }[];
}

/** A published figure beside the same figure computed again now, and the items that moved. */
export interface Reconciliation {
  published: PublishedFigure;
  asOf: string;
  now: { numerator: number; denominator: number; ratePercent: number | null; definition: string };
  difference: { numerator: number; denominator: number };
  moved: MovedItem[];
}
