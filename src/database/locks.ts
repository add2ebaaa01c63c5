/**
 * Every PostgreSQL advisory lock the service takes, by its key, so no two uses pick one number by
 * chance. The keys are bigints in one namespace per database.
 */
export const ADVISORY_LOCKS = {
  /** Serialises migration runs of instances starting at once, and a restore against a migration. */
  migrations: 7_346_001,
  /** Keeps two starts from both loading the demo data. */
  demoData: 7_346_002,
} as const;
