import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.cache/**',
      'public/sw.js',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'tmp/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // every e2e spec takes `test` from its helpers, whose fixture fails a test that sends a request off this machine
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "import { test } from './helpers': it records every request and fails on one that leaves 127.0.0.1",
            },
          ],
        },
      ],
    },
  },
];

export default config;
