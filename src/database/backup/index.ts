/** Backup and restore with Node alone; the file format is described in format.ts. */
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BATCH_SIZE,
  BackupError,
  type BackupFileStore,
  FILE_COLUMNS,
  type BackupHeader,
  type BackupSummary,
  type RestoreSummary,
  SEEDED_TABLES,
  type TableCount,
} from './format';
export { readBackupHeader } from './read';
export { restoreDatabase } from './restore';
export { backupDatabase, partialFileOf } from './write';
