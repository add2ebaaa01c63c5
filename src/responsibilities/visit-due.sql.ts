/**
 * When each enterprise under responsibility is due for its next visit: the one rule behind the
 * official's list of enterprises, the enterprise page and the `not_visited` warning.
 *
 * As of the instant `now` (a timestamptz placeholder or expression), for each enterprise with at
 * least one responsibility open at `now`:
 * - `tier` and `visit_interval_days`: the enterprise's tier and the interval in force for it at
 *   `now` (the latest tier change and tier_intervals row set by then);
 * - `last_visit_at`: its latest visit made and recorded by `now` and not withdrawn by then;
 * - `responsible_since`: the start of its earliest responsibility open at `now`;
 * - `next_visit_due_at`: the interval counted from the last visit, or from `responsible_since` when
 *   it was never visited.
 *
 * A SELECT to use as a CTE or a subquery; it reads the current revision of each visit, which is
 * right for `now` and for any instant after the latest amendment.
 */
export function visitDueSql(now: string): string {
  return `
    SELECT e.id AS enterprise_id,
           tier_now.tier,
           interval_now.visit_interval_days,
           last_visit.at AS last_visit_at,
           responsible.since AS responsible_since,
           coalesce(last_visit.at, responsible.since) + make_interval(days => interval_now.visit_interval_days)
             AS next_visit_due_at
    FROM enterprises e
    JOIN LATERAL (
      SELECT min(r.starts_at) AS since
      FROM responsibilities r
      WHERE r.enterprise_id = e.id AND r.recorded_at <= ${now} AND r.starts_at <= ${now}
        AND (r.ends_at IS NULL OR r.ends_at > ${now} OR r.ended_recorded_at > ${now})
    ) responsible ON responsible.since IS NOT NULL
    JOIN LATERAL (
      SELECT tc.tier FROM enterprise_tier_changes tc
      WHERE tc.enterprise_id = e.id AND tc.set_at <= ${now}
      ORDER BY tc.set_at DESC, tc.id DESC LIMIT 1
    ) tier_now ON true
    JOIN LATERAL (
      SELECT ti.visit_interval_days FROM tier_intervals ti
      WHERE ti.tier = tier_now.tier AND ti.set_at <= ${now}
      ORDER BY ti.set_at DESC, ti.id DESC LIMIT 1
    ) interval_now ON true
    LEFT JOIN LATERAL (
      SELECT max(v.visited_at) AS at FROM visits v
      WHERE v.enterprise_id = e.id AND v.visited_at <= ${now} AND v.created_at <= ${now}
        AND (v.withdrawn_at IS NULL OR v.withdrawn_at > ${now})
    ) last_visit ON true`;
}
