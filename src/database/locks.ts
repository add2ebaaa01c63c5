/**
 * Every PostgreSQL advisory lock the service takes, by its key, so no two uses pick one number by
 * chance. The keys are bigints in one namespace per database (a key past
 * JavaScript's safe integers is written as text and cast).
 */
export const ADVISORY_LOCKS = {
  /** Serialises migration runs of instances starting at once, and a restore against a migration. */
  migrations: 7_346_001,
  /** Keeps two starts from both loading the demo data. */
  demoData: 7_346_002,
  /** Changes to users that could leave no enabled admin, one at a time (issue 19). */
  adminChanges: 7_346_019,
  /** One early-warning scan at a time per database ('JQWARN' in ASCII; text, as it passes 2^53). */
  warningScan: '81713216705102',
  /** Installs the notification queue's schema (graphile-worker) one instance at a time. */
  notificationQueue: 7_346_016,
  /** Publishes of figures, one at a time, so one figure is never stored twice (issue 21). */
  publishing: 7_346_021,
} as const;
