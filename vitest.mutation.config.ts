import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The Vitest configuration Stryker runs (npm run test:mutation): the in-process unit tests only. The integration
 * tests run the built server, which never loads Stryker's mutants, so they could kill none. MUTATION_TESTS (comma-
 * separated globs) narrows the tests for a bounded run. (Not mergeConfig: it would append to `include`, not replace it.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: process.env.MUTATION_TESTS?.split(',') ?? ['tests/unit/**/*.test.ts'],
  },
});
