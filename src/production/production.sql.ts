import type { ProductionGroupBy } from './production-status.dto';

/**
 * Production figures as of an instant. Parameters: $1 the period's start, $2 its end (exclusive),
 * $3 the instant T the figures are taken at.
 *
 * An enterprise's status at an instant X, as known at T, is that of its latest event recorded by
 * T that took effect by X (the later recorded one when two took effect at the same instant);
 * normal when there is none. Events recorded after T never count, so a figure as of T stays what
 * it was at T.
 */
const statusAt = (upTo: string) => `
  COALESCE((
    SELECT ev.status FROM production_status_events ev
    WHERE ev.enterprise_id = e.id AND ev.recorded_at <= $3 AND ${upTo}
    ORDER BY ev.effective_at DESC, ev.id DESC
    LIMIT 1
  ), 'normal')`;

const KEYS: Record<ProductionGroupBy | 'total', string> = {
  total: `''`,
  district: 'e.district_code',
  industry: 'e.industry',
};

/**
 * Per key (one row with key '' for the total):
 * - idle, reduced: enterprises idle (reduced) at T;
 * - idle_at_start: enterprises idle at the period's start ($1);
 * - resumed: of those, the ones normal at the period's end, or at T when T comes first.
 *
 * Only enterprises with an event recorded by T can be anything but normal, so only they are read.
 * The grouping is the enterprise's current district and industry.
 */
export function productionFiguresSql(groupBy: ProductionGroupBy | 'total'): string {
  return `
    WITH watched AS (
      SELECT ${KEYS[groupBy]} AS key,
             ${statusAt('ev.effective_at <= $3')} AS status_at_t,
             ${statusAt('ev.effective_at <= $1')} AS status_at_start,
             ${statusAt('ev.effective_at < $2 AND ev.effective_at <= $3')} AS status_at_end
      FROM enterprises e
      WHERE EXISTS (
        SELECT 1 FROM production_status_events any_ev WHERE any_ev.enterprise_id = e.id AND any_ev.recorded_at <= $3
      )
    )
    SELECT key,
           count(*) FILTER (WHERE status_at_t = 'idle')::int AS idle,
           count(*) FILTER (WHERE status_at_t = 'reduced')::int AS reduced,
           count(*) FILTER (WHERE status_at_start = 'idle')::int AS idle_at_start,
           count(*) FILTER (WHERE status_at_start = 'idle' AND status_at_end = 'normal')::int AS resumed
    FROM watched
    GROUP BY key`;
}

/** The districts, in display order, so every district is listed, also one with no enterprise under watch. */
export const DISTRICT_LABELS = `SELECT code AS key, name AS label FROM districts ORDER BY sort_order, code`;
