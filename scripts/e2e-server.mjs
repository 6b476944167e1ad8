#!/usr/bin/env node
// Playwright's web server: a fresh SQLite data folder with the demo township, then the production build.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const dataDir = process.env.DATA_DIR ?? 'test-results/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/setup-db.mts'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
});
const child = spawn(process.execPath, ['scripts/server.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '3217', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
