/**
 * The latest instant before which every change is committed and visible: a change is stamped
 * inside its transaction at or after the transaction began (now(), clock_timestamp()), so once no
 * transaction that began earlier is still open, nothing can still arrive before it. Open
 * transactions are those of this database's client sessions (autovacuum writes no problems; the
 * sessions of other roles show no start, and only the service's role writes problems); the margin
 * covers the moment between a transaction taking its start time and showing it here.
 *
 * Only the primary can answer it: a standby does not list the primary's open transactions. It
 * lives here because the report reader (report-reader.ts) asks it as well as the figures.
 */
export const SETTLED_NOW = `
  SELECT least(statement_timestamp(), min(xact_start)) - interval '5 seconds' AS at
  FROM pg_stat_activity
  WHERE datname = current_database() AND backend_type = 'client backend'
    AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`;
