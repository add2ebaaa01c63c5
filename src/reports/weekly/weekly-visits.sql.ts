import { visitDueSql } from '../../responsibilities/visit-due.sql';

/*
 * The weekly report's two lists of the visits section, taken at the end of the week (or now
 * while it runs). The week's visits and the quarter's coverage come from the visit figures
 * (visit-figures.sql.ts).
 */

/** Responsibilities of officials open at an instant, as recorded by then. */
const openAt = (at: string) => `
  SELECT r.enterprise_id, r.user_id FROM responsibilities r
  WHERE r.kind = 'official' AND r.recorded_at <= ${at} AND r.starts_at <= ${at}
    AND (r.ends_at IS NULL OR r.ends_at > ${at} OR r.ended_recorded_at > ${at})`;

/** A row of WEEKLY_IDLE_OFFICIALS. */
export interface IdleOfficialRow {
  userId: string;
  name: string;
  enterprises: number;
}

/**
 * Officials answering for enterprises at $2 who made no visit in [$1, $2) that counted at $2
 * (recorded by then, not withdrawn by then, dated in the week by its latest revision by then);
 * the most enterprises first, at most $3.
 */
export const WEEKLY_IDLE_OFFICIALS = `
  WITH open_at_end AS (${openAt('$2')}),
  visited AS (
    SELECT DISTINCT o.user_id
    FROM visits v
    CROSS JOIN LATERAL (
      SELECT r.visited_at, r.official_ids FROM visit_revisions r
      WHERE r.visit_id = v.id AND r.recorded_at <= $2
      ORDER BY r.revision DESC LIMIT 1
    ) rev
    CROSS JOIN LATERAL unnest(rev.official_ids) AS o(user_id)
    WHERE (v.visited_at >= $1 OR v.revision > 1) AND v.created_at <= $2
      AND (v.withdrawn_at IS NULL OR v.withdrawn_at > $2)
      AND rev.visited_at >= $1 AND rev.visited_at < $2
  )
  SELECT u.id AS "userId", u.display_name AS name, count(DISTINCT oe.enterprise_id)::int AS enterprises
  FROM open_at_end oe
  JOIN users u ON u.id = oe.user_id
  WHERE oe.user_id NOT IN (SELECT user_id FROM visited)
  GROUP BY u.id, u.display_name
  ORDER BY enterprises DESC, u.display_name, u.id
  LIMIT $3`;

/** A row of WEEKLY_OVERDUE_ENTERPRISES. */
export interface OverdueEnterpriseRow {
  enterpriseId: string;
  name: string;
  districtName: string;
  /** The district in English, its Chinese name when it has none. */
  districtNameEn: string;
  tier: string;
  lastVisitAt: Date | null;
  nextVisitDueAt: Date;
  daysOverdue: number;
  officials: string[];
  total: number;
}

/**
 * Enterprises whose next visit was due before $1 (visitDueSql at $1), the longest overdue first,
 * at most $2, each with the total count.
 */
export const WEEKLY_OVERDUE_ENTERPRISES = `
  WITH due AS (${visitDueSql('$1::timestamptz')}),
  overdue AS (
    SELECT due.*, count(*) OVER () AS total FROM due WHERE due.next_visit_due_at < $1
  )
  SELECT e.id AS "enterpriseId", e.name, d.name AS "districtName",
         COALESCE(d.name_en, d.name) AS "districtNameEn", o.tier,
         o.last_visit_at AS "lastVisitAt", o.next_visit_due_at AS "nextVisitDueAt",
         floor(extract(epoch FROM $1::timestamptz - o.next_visit_due_at) / 86400)::int AS "daysOverdue",
         coalesce((SELECT array_agg(u.display_name ORDER BY u.display_name)
                   FROM (${openAt('$1::timestamptz')}) r JOIN users u ON u.id = r.user_id
                   WHERE r.enterprise_id = e.id), '{}') AS officials,
         o.total::int AS total
  FROM overdue o
  JOIN enterprises e ON e.id = o.enterprise_id
  JOIN districts d ON d.code = e.district_code
  ORDER BY o.next_visit_due_at, e.name, e.id
  LIMIT $2`;

/** Each district's English name, its Chinese one when it has none. */
export const WEEKLY_DISTRICT_NAMES_EN = `SELECT code, COALESCE(name_en, name) AS "nameEn" FROM districts`;
