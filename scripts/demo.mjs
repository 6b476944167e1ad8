#!/usr/bin/env node
// `npm run demo`: build (when the code changed since the last build), migrate, load content, seed the demo
// township, import the official law texts when ../shared/laws exists, then start the app and print the logins.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const bin = (name) => `node_modules/.bin/${name}`;

function sourceStamp() {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=normal', '--', '.', ':!data', ':!content'], {
      encoding: 'utf8',
    });
    return createHash('sha256')
      .update(head + dirty)
      .digest('hex');
  } catch {
    return 'no-git';
  }
}

const stampFile = '.next/pufa-build-stamp';
const stamp = sourceStamp();
const built =
  existsSync('.next/BUILD_ID') &&
  existsSync('public/sw.js') &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === stamp &&
  stamp !== 'no-git';
if (!built || process.argv.includes('--rebuild')) {
  console.log('▸ building the app (next build && serwist build) …');
  run('npm', ['run', 'build']);
  writeFileSync(stampFile, stamp);
} else {
  console.log('▸ build is up to date');
}

console.log('▸ preparing the database …');
run(bin('tsx'), ['--conditions=react-server', 'scripts/setup-db.mts']);

const child = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env: { ...process.env, PUFA_PRINT_LOGINS: '1' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
