/** Unit specs beside the code, end-to-end specs in test/; all against a real PostgreSQL. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testRegex: '(src/.+\\.spec|test/.+\\.e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60000,
  // Three files at once on the two-core machine: browser and reliability files spend part of
  // their time waiting (network profiles, timeouts, a restarted server), which a third worker
  // fills. The whole suite took 579 s with three, 727 s with two (one 45 s timeout among them).
  maxWorkers: 3,
  // Stryker's sandbox copies of the project (npm run test:mutation) are not part of the suite.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
};
