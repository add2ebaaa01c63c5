// Mutation testing of the rule modules against the unit specs (src/**/*.spec.ts), which need no
// database. `npm run test:mutation` mutates them all; `npm run test:mutation:quick` (in .ci/run)
// only the workflow table and its SQL codes. Both fail below `thresholds.break`. The figures' SQL
// text (figures.sql.ts, resolution-rate.sql.ts, resolution-counts.ts) is left out: only the
// end-to-end tests on a database reach it.
const RULE_MODULES = [
  'src/problems/problem-workflow.ts',
  'src/problems/assist-plan.ts',
  'src/problems/problem-access.ts',
  'src/reference/working-days.ts',
  'src/reference/holiday-calendar.ts',
  'src/reports/periods.ts',
  'src/reports/live-figures.ts',
  'src/workflow/statuses.ts',
  'src/workflow/satisfactions.ts',
  'src/workflow/status-sql.ts',
];
const QUICK_MODULES = ['src/problems/problem-workflow.ts', 'src/workflow/status-sql.ts'];

const quick = process.env.STRYKER_QUICK === '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: quick ? QUICK_MODULES : RULE_MODULES,
  // The 2-core machine: the quick run in CI uses both cores (1 min 26 s rather than 2 min 55 s
  // for its 238 mutants); the full run keeps to one test process and leaves a core free.
  concurrency: quick ? 2 : 1,
  reporters: quick ? ['clear-text', 'progress'] : ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
};
