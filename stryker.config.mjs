// @ts-check
/**
 * Mutation testing of the core server modules (issue 13): `npm run test:mutation`. Not part of `npm test` (too
 * slow for two cores). The clear-text report prints the mutation score of each file; the target is 80 % on each.
 * A bounded run: MUTATION_TESTS=tests/unit/server/login-lock.test.ts npm run test:mutation -- --mutate server/login-lock.ts
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'server/sync/push.ts',
    'server/login-lock.ts',
    'server/session.ts',
    'server/quiz/papers.ts',
    'lib/quiz/grade*.ts',
    'server/http.ts',
    'server/activity/*.ts',
    '!server/activity/seed.ts',
    'server/consult/access.ts',
  ],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  // the sandbox copies the project: leave out the build, data folders and reports
  ignorePatterns: ['.next', 'data', 'test-results', 'playwright-report', 'reports', 'public/sw.js', 'public/swe-worker-*'],
  cleanTempDir: 'always',
};

export default config;
