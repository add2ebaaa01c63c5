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
  testRegex: 'src/.+\\.spec\\.ts$',
};
