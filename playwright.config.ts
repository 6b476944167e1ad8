import { defineConfig, devices } from '@playwright/test';

/** End-to-end tests in Debian's Chromium against the production build, on a 360-px phone viewport. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);
export const E2E_DATA_DIR = 'test-results/e2e-data';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
        '--disable-gpu',
      ],
    },
  },
  projects: [{ name: 'chromium-phone', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${E2E_PORT}/zh/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    // No BETTER_AUTH_URL, as in the demo: sign-in must work from whatever address the app is opened by.
    // The whole suite signs in from 127.0.0.1, like one office full of phones behind one address: fast runs passed
    // the default 30 sign-ins a minute and the lockout test met 登录尝试太频繁 instead of its own answer.
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, SIGN_IN_PER_MINUTE: '600' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
