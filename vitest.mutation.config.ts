import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The Vitest configuration Stryker runs (npm run test:mutation): the in-process unit tests only. The integration
 * tests run the built server, which never loads Stryker's mutants, so they could kill none.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['tests/unit/**/*.test.ts'],
    },
  }),
);
