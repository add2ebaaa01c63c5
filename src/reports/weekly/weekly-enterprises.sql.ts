/**
 * The weekly report's enterprises section. $1 = the week's start, $2 = the instant E the report
 * is taken at, $3 = the list limit (lists only). Only events recorded before E count. An enterprise's status
 * at the week's start is that of its latest event that took effect before $1, at the end that of
 * its latest event that took effect before E (normal when there is none); `since` is the start of
 * the unbroken run of the end status, as known at E.
 */
const KNOWN = `ev.enterprise_id = e.id AND ev.recorded_at < $2`;

const statusBefore = (x: string) => `
  COALESCE((SELECT ev.status FROM production_status_events ev
            WHERE ${KNOWN} AND ev.effective_at < ${x}
            ORDER BY ev.effective_at DESC, ev.id DESC LIMIT 1), 'normal')`;

const WATCHED = `
  watched AS (
    SELECT e.id, e.name, e.district_code, e.industry,
           ${statusBefore('$1')} AS status_start,
           ${statusBefore('$2')} AS status_end
    FROM enterprises e
    WHERE EXISTS (SELECT 1 FROM production_status_events ev WHERE ${KNOWN})
  ),
  watched_since AS (
    SELECT w.*,
           (SELECT min(ev.effective_at) FROM production_status_events ev
            WHERE ev.enterprise_id = w.id AND ev.recorded_at < $2 AND ev.effective_at < $2 AND ev.status = w.status_end
              AND ev.effective_at > COALESCE((
                SELECT max(other.effective_at) FROM production_status_events other
                WHERE other.enterprise_id = w.id AND other.recorded_at < $2 AND other.effective_at < $2
                  AND other.status <> w.status_end), '-infinity')) AS since
    FROM watched w
  )`;

/** The counts of the section, in one row. */
export const WEEKLY_ENTERPRISE_COUNTS = `
  WITH ${WATCHED}
  SELECT count(*) FILTER (WHERE status_end = 'idle')::int AS "idleAtEnd",
         count(*) FILTER (WHERE status_end = 'reduced')::int AS "reducedAtEnd",
         count(*) FILTER (WHERE status_end IN ('idle', 'reduced') AND status_start <> status_end)::int
           AS "newlyIdleOrReduced",
         count(*) FILTER (WHERE status_start IN ('idle', 'reduced') AND status_end = 'normal')::int AS "resumedThisWeek",
         count(*) FILTER (WHERE status_end = 'idle' AND since < $2::timestamptz - interval '30 days')::int
           AS "idleOver30Days"
  FROM watched_since`;

const list = (condition: string, order: string) => `
  WITH ${WATCHED}
  SELECT w.id, w.name, d.name AS "districtName",
         COALESCE(d.name_en, d.name) AS "districtNameEn", w.industry, w.status_end AS status, w.status_start AS "previousStatus",
         w.since, floor(extract(epoch FROM $2::timestamptz - w.since) / 86400)::int AS days
  FROM watched_since w JOIN districts d ON d.code = w.district_code
  WHERE ${condition}
  ORDER BY ${order}, w.name, w.id
  LIMIT $3`;

export const WEEKLY_ENTERPRISE_LISTS = {
  newlyIdleOrReduced: list(`w.status_end IN ('idle', 'reduced') AND w.status_start <> w.status_end`, 'w.since'),
  resumed: list(`w.status_start IN ('idle', 'reduced') AND w.status_end = 'normal'`, 'w.since'),
  idleOver30Days: list(`w.status_end = 'idle' AND w.since < $2::timestamptz - interval '30 days'`, 'w.since'),
} as const;
