/**
 * The live bases' table (migrations 1765400000000-LiveBases, 1765600000000-LiveBasesByEnterprise):
 * a running period's rows as of a recent instant.
 */

export interface LiveBaseRow {
  family: string;
  statement: string;
  deadlines_statement: string | null;
  parameters: unknown[];
  at: Date;
  rows: unknown[];
  deadlines: { problemId: string; at: string }[];
}

/** The kept base of a family, if it lies between $2 and $3. */
export const READ = `
  SELECT at, rows, deadlines FROM live_bases
  WHERE family = $1 AND at BETWEEN $2 AND $3`;

/**
 * Keeps a base unless a newer one of the family is kept already (another instance's). A base
 * grouped by enterprise ($8) is kept only while the regrouping generation is still $9, the one it
 * was counted under; while a regrouping is not committed yet (its row is locked), it is not kept,
 * and nothing waits (as SettledFigures' STORE).
 */
export const SAVE = `
  INSERT INTO live_bases AS kept (family, statement, deadlines_statement, parameters, at, rows, deadlines, by_enterprise)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8
  WHERE NOT $8 OR (SELECT generation FROM settled_generation FOR SHARE SKIP LOCKED) = $9::bigint
  ON CONFLICT (family) DO UPDATE
    SET parameters = EXCLUDED.parameters, at = EXCLUDED.at, rows = EXCLUDED.rows,
        deadlines = EXCLUDED.deadlines, saved_at = now()
    WHERE kept.at < EXCLUDED.at`;

/** Bases too old to be moved forward (a period that has ended, a family no longer asked for). */
export const PRUNE = `DELETE FROM live_bases WHERE at < $1`;

/** Every kept base, a page after the family $1. */
export const PAGE = `
  SELECT family, statement, deadlines_statement, parameters, rows, deadlines FROM live_bases
  WHERE family > $1 ORDER BY family LIMIT $2`;

export const FORGET = `DELETE FROM live_bases WHERE family = $1`;
