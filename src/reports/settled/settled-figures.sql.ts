/** The settled figures' table (migration 1765200000000-SettledFigures): rows of a report query kept as of a settled instant. */

export interface SettledRow {
  key: string;
  statement: string;
  parameters: unknown[];
  rows: unknown[];
}

export const GENERATION = `SELECT generation::text AS generation FROM settled_generation`;

export const READ = `SELECT rows FROM settled_figures WHERE key = $1`;

/** The kept rows of any of the keys $1. */
export const READ_ANY = `SELECT key, rows FROM settled_figures WHERE key = ANY($1)`;

/**
 * Stores rows computed under generation $7, unless an enterprise was regrouped since; a row
 * already there stays. While a regrouping is not committed yet (its row is locked), nothing is
 * stored, and nothing waits for it.
 */
export const STORE = `
  INSERT INTO settled_figures (key, statement, parameters, as_of, by_enterprise, rows)
  SELECT $1, $2, $3, $4, $5, $6
  WHERE (SELECT generation FROM settled_generation FOR SHARE SKIP LOCKED) = $7::bigint
  ON CONFLICT (key) DO NOTHING`;

/** Every kept entry, oldest first, a page after the key $1. */
export const PAGE = `
  SELECT key, statement, parameters, rows FROM settled_figures
  WHERE key > $1 ORDER BY key LIMIT $2`;

export const REPLACE_ROWS = `UPDATE settled_figures SET rows = $2, computed_at = now() WHERE key = $1`;
