/**
 * The unit specs alone (src/**\/*.spec.ts): pure code, no database, so no globalSetup. Stryker's
 * jest runner runs jest once per mutant group with this config (see stryker.config.mjs).
 */
const base = require('./jest.config.js');

module.exports = {
  rootDir: base.rootDir,
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  moduleFileExtensions: base.moduleFileExtensions,
  // STRYKER_QUICK=1 (npm run test:mutation:quick): only the specs of the quick subset's modules.
  testRegex:
    process.env.STRYKER_QUICK === '1'
      ? 'src/(problems/problem-workflow(\\.state)?|workflow/status-sql)\\.spec\\.ts$'
      : 'src/.+\\.spec\\.ts$',
};
