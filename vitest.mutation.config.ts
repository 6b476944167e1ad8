import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The Vitest configuration Stryker runs (npm run test:mutation): the in-process unit tests only. The integration
 * tests run the built server, which never loads Stryker's mutants, so they could kill none. MUTATION_TESTS (comma-
 * separated globs) narrows the tests for a bounded run.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: process.env.MUTATION_TESTS?.split(',') ?? ['tests/unit/**/*.test.ts'],
    },
  }),
);
