import { WITHDRAWN_SQL } from '../../workflow/status-sql';

/*
 * The visit figures (走访覆盖率 and its companions) for a period P = [$1, $2) as of an instant
 * T = $3. Everything here reads the outreach tables as they stood at T (docs/domain.md, "Visit
 * figures"):
 *
 * - a responsibility counts once recorded by T (`recorded_at <= T`); its end only once the end was
 *   recorded by T (`ended_recorded_at <= T`), so an end recorded later leaves it open as of T;
 * - a visit counts once recorded by T (`created_at <= T`) and until it is withdrawn
 *   (`withdrawn_at > T`), with the visit date, officials and policies of its latest revision
 *   recorded by T, so an amendment after T does not move it as of T;
 * - tiers and intervals are those set by the instant they are read at (`set_at`).
 */

/** The period's part up to T: responsibilities that start after T are not yet in force as of T. */
const RESPONSIBLE_CTES = `
  responsibility AS (
    SELECT r.enterprise_id, r.user_id, r.kind, r.starts_at,
           CASE WHEN r.ended_recorded_at <= $3 THEN r.ends_at END AS ends_at
    FROM responsibilities r
    WHERE r.recorded_at <= $3 AND r.starts_at < $2 AND r.starts_at <= $3
      AND (r.ends_at IS NULL OR r.ended_recorded_at > $3 OR r.ends_at > $1)
  ),
  responsible AS (
    SELECT enterprise_id, min(starts_at) AS since,
           CASE WHEN bool_or(ends_at IS NULL) THEN NULL ELSE max(ends_at) END AS until
    FROM responsibility
    GROUP BY enterprise_id
  )`;

/**
 * Every visit as of T made by T: candidates are visits dated before the period's end now, and
 * amended ones (whose date then may have differed).
 */
const VISIT_CTES = `
  visit_as_of AS (
    SELECT v.id, v.enterprise_id, rev.visited_at, rev.policies_promoted, rev.official_ids
    FROM visits v
    CROSS JOIN LATERAL (
      SELECT r.visited_at, r.policies_promoted, r.official_ids
      FROM visit_revisions r
      WHERE r.visit_id = v.id AND r.recorded_at <= $3
      ORDER BY r.revision DESC
      LIMIT 1
    ) rev
    WHERE (v.visited_at < $2 OR v.revision > 1)
      AND v.created_at <= $3 AND (v.withdrawn_at IS NULL OR v.withdrawn_at > $3)
      AND rev.visited_at <= $3
  ),
  counted_visit AS (
    SELECT * FROM visit_as_of WHERE visited_at >= $1 AND visited_at < $2
  )`;

/** An enterprise's tier at an instant: the latest change set by then, else its first one. */
const tierAt = (enterprise: string, instant: string) => `
  coalesce(
    (SELECT tc.tier FROM enterprise_tier_changes tc
     WHERE tc.enterprise_id = ${enterprise} AND tc.set_at <= ${instant}
     ORDER BY tc.set_at DESC, tc.id DESC LIMIT 1),
    (SELECT tc.tier FROM enterprise_tier_changes tc
     WHERE tc.enterprise_id = ${enterprise}
     ORDER BY tc.set_at, tc.id LIMIT 1))`;

/**
 * On schedule: an enterprise under responsibility in P is late when at some instant t of its
 * window (P up to T, from its first responsibility to the end of its last) more than its
 * interval had passed since its last visit made by t, or since the start of its responsibility
 * when it had none; the tier and interval are those in force at t (as visitDueSql reads them at
 * now). The window is cut at every visit, tier change and interval change, so each piece has one
 * last visit and one interval: the piece is late when it ends after that visit plus the interval.
 */
const SCHEDULE_CTES = `
  schedule_window AS (
    SELECT rs.enterprise_id, rs.since, greatest($1, rs.since) AS ws,
           least($2, $3, coalesce(rs.until, 'infinity'::timestamptz)) AS we
    FROM responsible rs
  ),
  breakpoint AS (
    SELECT w.enterprise_id, w.ws AS at FROM schedule_window w
    UNION
    SELECT w.enterprise_id, va.visited_at
    FROM schedule_window w JOIN visit_as_of va ON va.enterprise_id = w.enterprise_id
    WHERE va.visited_at > w.ws AND va.visited_at < w.we
    UNION
    SELECT w.enterprise_id, tc.set_at
    FROM schedule_window w JOIN enterprise_tier_changes tc ON tc.enterprise_id = w.enterprise_id
    WHERE tc.set_at > w.ws AND tc.set_at < w.we
    UNION
    SELECT w.enterprise_id, ti.set_at
    FROM schedule_window w JOIN tier_intervals ti ON ti.set_at > w.ws AND ti.set_at < w.we
  ),
  piece AS (
    SELECT b.enterprise_id, w.since, b.at AS starts,
           coalesce(lead(b.at) OVER (PARTITION BY b.enterprise_id ORDER BY b.at), w.we) AS ends
    FROM breakpoint b JOIN schedule_window w ON w.enterprise_id = b.enterprise_id
  ),
  late AS (
    SELECT DISTINCT pc.enterprise_id
    FROM piece pc
    CROSS JOIN LATERAL (
      SELECT max(va.visited_at) AS at FROM visit_as_of va
      WHERE va.enterprise_id = pc.enterprise_id AND va.visited_at <= pc.starts
    ) last_visit
    CROSS JOIN LATERAL (SELECT ${tierAt('pc.enterprise_id', 'pc.starts')} AS tier) tier_then
    CROSS JOIN LATERAL (
      SELECT ti.visit_interval_days FROM tier_intervals ti
      WHERE ti.tier = tier_then.tier AND ti.set_at <= pc.starts
      ORDER BY ti.set_at DESC, ti.id DESC LIMIT 1
    ) interval_then
    WHERE pc.ends > pc.starts
      AND pc.ends > coalesce(last_visit.at, pc.since) + make_interval(days => interval_then.visit_interval_days)
  )`;

/**
 * The coverage rate's row set, which the figure counts and its drill-down lists: one row per
 * enterprise under responsibility, visited when it has a counted visit, with the first of them
 * (by visit date, then id) that the drill-down shows.
 */
const COVERAGE_CTE = `
  coverage AS (
    SELECT rs.enterprise_id, first_visit.id IS NOT NULL AS visited, first_visit.id AS first_visit_id,
           first_visit.visited_at AS first_visited_at, first_visit.official_ids AS first_official_ids
    FROM responsible rs
    LEFT JOIN LATERAL (
      SELECT cv.id, cv.visited_at, cv.official_ids FROM counted_visit cv
      WHERE cv.enterprise_id = rs.enterprise_id
      ORDER BY cv.visited_at, cv.id
      LIMIT 1
    ) first_visit ON true
  )`;

/**
 * Per enterprise under responsibility: visited in P, on schedule. Per counted visit: the problems
 * logged with it that were entered before T and not withdrawn as of T (their latest event before T).
 */
const FACT_CTES = `
  ${COVERAGE_CTE},
  enterprise_fact AS (
    SELECT c.enterprise_id, c.visited,
           NOT EXISTS (SELECT 1 FROM late l WHERE l.enterprise_id = c.enterprise_id) AS on_schedule
    FROM coverage c
  ),
  visit_fact AS (
    SELECT cv.id, cv.enterprise_id, cv.policies_promoted,
           (SELECT count(*) FROM problems p
            WHERE p.visit_id = cv.id AND p.created_at < $3
              AND (SELECT ev.to_status FROM problem_events ev WHERE ev.problem_id = p.id AND ev.at < $3
                   ORDER BY ev.at DESC, ev.id DESC LIMIT 1) <> ${WITHDRAWN_SQL})::int AS problems
    FROM counted_visit cv
  )`;

/** How each grouping keys the enterprises under responsibility (ek) and the counted visits (vk). */
const KEYS = {
  total: {
    enterprises: `SELECT enterprise_id, ''::text AS key FROM responsible`,
    visits: `SELECT id AS visit_id, ''::text AS key FROM counted_visit`,
  },
  district: {
    enterprises: `SELECT rs.enterprise_id, e.district_code AS key FROM responsible rs JOIN enterprises e ON e.id = rs.enterprise_id`,
    visits: `SELECT cv.id AS visit_id, e.district_code AS key FROM counted_visit cv JOIN enterprises e ON e.id = cv.enterprise_id`,
  },
  /** The enterprise's tier as of T. */
  tier: {
    enterprises: `SELECT rs.enterprise_id, ${tierAt('rs.enterprise_id', '$3')} AS key FROM responsible rs`,
    visits: `SELECT cv.id AS visit_id, ${tierAt('cv.enterprise_id', '$3')} AS key FROM counted_visit cv`,
  },
  /** Coverage by each person answering for the enterprise; visits by each official who made them. */
  official: {
    enterprises: `SELECT DISTINCT enterprise_id, user_id::text AS key FROM responsibility`,
    visits: `SELECT cv.id AS visit_id, o.user_id::text AS key FROM counted_visit cv CROSS JOIN LATERAL unnest(cv.official_ids) AS o(user_id)`,
  },
} as const;

export type VisitGrouping = keyof typeof KEYS;
export const VISIT_GROUP_BYS = ['district', 'official', 'tier'] as const satisfies readonly VisitGrouping[];
export type VisitGroupBy = (typeof VISIT_GROUP_BYS)[number];

function withKeys(grouping: VisitGrouping): string {
  return `WITH ${RESPONSIBLE_CTES}, ${VISIT_CTES}, ${SCHEDULE_CTES}, ${FACT_CTES},
  ek AS (${KEYS[grouping].enterprises}),
  vk AS (${KEYS[grouping].visits})`;
}

/** A row of VISIT_COUNTS: one per group key met (for `total`, the key ''). */
export interface VisitCountsRow {
  key: string | null;
  visits: number;
  enterprisesReached: number;
  enterprisesResponsible: number;
  enterprisesVisited: number;
  onSchedule: number;
  problems: number;
}

/** The counts per group key of a grouping. */
export function visitCountsSql(grouping: VisitGrouping): string {
  return `${withKeys(grouping)},
  by_enterprise AS (
    SELECT ek.key, count(*)::int AS responsible,
           count(*) FILTER (WHERE ef.visited)::int AS visited,
           count(*) FILTER (WHERE ef.on_schedule)::int AS on_schedule
    FROM enterprise_fact ef JOIN ek ON ek.enterprise_id = ef.enterprise_id
    GROUP BY ek.key
  ),
  by_visit AS (
    SELECT vk.key, count(*)::int AS visits, count(DISTINCT vf.enterprise_id)::int AS reached,
           sum(vf.problems)::int AS problems
    FROM visit_fact vf JOIN vk ON vk.visit_id = vf.id
    GROUP BY vk.key
  ),
  group_key AS (
    SELECT key FROM by_enterprise UNION SELECT key FROM by_visit
  )
  SELECT k.key,
         coalesce(v.visits, 0) AS visits,
         coalesce(v.reached, 0) AS "enterprisesReached",
         coalesce(e.responsible, 0) AS "enterprisesResponsible",
         coalesce(e.visited, 0) AS "enterprisesVisited",
         coalesce(e.on_schedule, 0) AS "onSchedule",
         coalesce(v.problems, 0) AS problems
  FROM group_key k
  LEFT JOIN by_enterprise e ON e.key IS NOT DISTINCT FROM k.key
  LEFT JOIN by_visit v ON v.key IS NOT DISTINCT FROM k.key`;
}

/** A row of visitPoliciesSql. */
export interface VisitPolicyRow {
  key: string | null;
  policy: string;
  visits: number;
}

/** Per group key and policy: the counted visits that promoted it (a policy named twice in one visit counts once). */
export function visitPoliciesSql(grouping: VisitGrouping): string {
  return `${withKeys(grouping)}
  SELECT vk.key, pol.policy, count(*)::int AS visits
  FROM visit_fact vf
  JOIN vk ON vk.visit_id = vf.id
  CROSS JOIN LATERAL (SELECT DISTINCT unnest(vf.policies_promoted) AS policy) pol
  GROUP BY vk.key, pol.policy
  ORDER BY vk.key, visits DESC, pol.policy`;
}

/** The labels of each grouping's keys: every district, every tier in order, the officials by name ($1: their ids). */
export const VISIT_GROUP_LABELS = {
  district: `SELECT code AS key, name AS label FROM districts ORDER BY sort_order, code`,
  official: `SELECT id::text AS key, display_name AS label FROM users WHERE id = ANY($1::uuid[]) ORDER BY display_name, id`,
} as const;

/**
 * The drill-down of the coverage rate (src/reports/drill-down): the rows the figure counts, one per
 * enterprise and group key, with the columns of ItemRow. Under the official grouping an enterprise
 * counts once under each person answering for it during P, so there its item key is the
 * enterprise and the official; elsewhere it is the enterprise alone. An enterprise not visited is
 * sorted at the end of the part of P up to T, after the visited ones.
 */
export function visitCoverageItemsSql(grouping: VisitGrouping): string {
  const itemKey = grouping === 'official' ? `c.enterprise_id::text || ':' || ek.key` : 'c.enterprise_id::text';
  return `WITH ${RESPONSIBLE_CTES}, ${VISIT_CTES}, ${COVERAGE_CTE},
  ek AS (${KEYS[grouping].enterprises})
  SELECT ${itemKey} AS item_key, c.enterprise_id AS item_id, ek.key AS group_key,
         COALESCE(c.first_visited_at, greatest($1::timestamptz, least($2::timestamptz, $3::timestamptz))) AS sort_at,
         COALESCE(c.first_visited_at, greatest($1::timestamptz, least($2::timestamptz, $3::timestamptz)))::text AS sort_text,
         c.visited AS in_numerator, c.first_visited_at AS counted_at, NULL::uuid AS counted_department_id,
         NULL::timestamptz AS judged_due_at,
         COALESCE(e.uscc, e.name) AS code, e.name AS title, e.id AS enterprise_id, e.name AS enterprise_name,
         e.district_code, NULL::text AS category_code, NULL::text AS status_as_of,
         NULL::uuid AS department_id_as_of, NULL::timestamptz AS due_at_as_of,
         jsonb_build_object(
           'visitId', c.first_visit_id,
           'officials', COALESCE(
             (SELECT jsonb_agg(u.display_name ORDER BY u.display_name, u.id)
              FROM users u WHERE u.id = ANY(c.first_official_ids)),
             '[]'::jsonb)
         ) AS detail
  FROM coverage c
  JOIN ek ON ek.enterprise_id = c.enterprise_id
  JOIN enterprises e ON e.id = c.enterprise_id`;
}
