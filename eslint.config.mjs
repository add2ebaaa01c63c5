import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Folders that depend one way. Below everything: common/, config/, access/ (roles and the caller),
 * workflow/ (the problem statuses and their transitions), database/ (the pool, migrations,
 * backup) and idempotency/. Features sit above them; users/ is below auth/ (the guard and the
 * login look users up; users/ never imports auth/). reference/ (districts, departments, the
 * calendar) is below problems/.
 * demo/ is reached only by the start-up's lazy require, never by an import (a type import is fine:
 * it is erased). startup/, cli/, health/ and web/ are the top: no feature imports them.
 */
const FEATURES = [
  'auth',
  'users',
  'reference',
  'enterprises',
  'visits',
  'problems',
  'supervision',
  'reports',
  'warnings',
];
const TOP = ['startup', 'cli', 'health', 'web'];
const folder = (name) => `**/${name}/*`;
const forbid = (folders, message) => ({ group: folders.map(folder), message });
const NO_DEMO = { group: [folder('demo')], allowTypeImports: true, message: 'demo/ loads lazily at start-up only.' };
/** The pure domain (statuses, the transition table, its errors) knows nothing of HTTP or Nest. */
const NO_FRAMEWORK = {
  group: ['@nestjs/*'],
  message: 'the domain carries codes; HTTP lives in common/error.filter.ts.',
};
const BOUNDARIES = {
  common: [forbid([...FEATURES, ...TOP, 'database'], 'common/ is below every feature.')],
  config: [forbid([...FEATURES, ...TOP, 'database', 'common'], 'config/ is below everything.')],
  access: [forbid([...FEATURES, ...TOP, 'database'], 'access/ is below every feature.')],
  workflow: [NO_FRAMEWORK, forbid([...FEATURES, ...TOP, 'database'], 'workflow/ is below every feature.')],
  database: [forbid([...FEATURES, ...TOP], 'database/ is below every feature.')],
  idempotency: [forbid([...FEATURES, ...TOP], 'idempotency/ is below every feature.')],
  users: [forbid(['auth', ...TOP], 'users/ is below auth/: move what both need to access/.')],
  reference: [forbid(['problems', ...TOP], 'reference/ is below problems/: statuses live in workflow/.')],
  auth: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  enterprises: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  visits: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  problems: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  reports: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  warnings: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  supervision: [forbid(TOP, 'startup/, cli/, health/ and web/ are the top.')],
  startup: [forbid(['cli'], 'cli/ is the top.')],
  cli: [],
};
const boundaries = Object.entries(BOUNDARIES).map(([name, patterns]) => ({
  files: [`src/${name}/**/*.ts`],
  ignores: ['**/*.spec.ts'], // a spec may check one folder's rule against another's use of it
  rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO, ...patterns] }] },
}));
// The transition table and the domain error sit in their folders but obey the workflow's rule too.
boundaries.push(
  {
    files: ['src/problems/problem-workflow.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO, NO_FRAMEWORK, ...BOUNDARIES.problems] }] },
  },
  {
    files: ['src/common/domain-error.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO, NO_FRAMEWORK, ...BOUNDARIES.common] }] },
  },
);
const typeAwareRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      '.stryker-tmp/',
      'reports/',
      '**/*.mjs',
      '**/*.js',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: typeAwareRules,
  },
  // The web app: typed against web/tsconfig.json (found by the project service), plus the rules of hooks.
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...typeAwareRules,
      // React ignores what an event handler returns; an async onClick or onFinish is fine there.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/demo/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEMO] }] },
  },
  ...boundaries,
);
