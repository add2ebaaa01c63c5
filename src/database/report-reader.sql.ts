/**
 * On the primary, right after SETTLED_NOW: how far its WAL reaches. Every change committed before
 * this statement lies before `lsn` in the WAL, so a standby that has replayed `lsn` holds it.
 */
export const PRIMARY_WAL_POSITION = `SELECT pg_current_wal_lsn()::text AS lsn, statement_timestamp() AS at`;

/** On the replica: whether it is a standby still following a primary, and how far it has replayed. */
export const REPLICA_REPLAY_POSITION = `
  SELECT pg_is_in_recovery() AS "inRecovery", pg_last_wal_replay_lsn()::text AS lsn,
         pg_last_xact_replay_timestamp() AS "lastReplayAt"`;
