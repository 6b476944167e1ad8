#!/usr/bin/env node
// `npm run bench:pages`: gzipped first-load JS and CSS of /zh, /zh/login, the activity form and the QR scan page on an app that is already running
// (BASE_URL, default http://127.0.0.1:3000; start it with `npm run demo` or `npm start`). Builds nothing.
// Target: at most 210 KB of JS for /zh (a blank Next.js 16 page is about 170 KB). The scan page's camera code and QR
// decoder load only after the person opens the camera, so they are not in any page's first load.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const base = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const script = '../shared/bench/first-load.mjs';
if (!existsSync(script)) {
  console.error(`${script} not found: this benchmark uses the shared page-weight script beside the checkout.`);
  process.exit(2);
}
const output = execFileSync(
  process.execPath,
  [script, `${base}/zh`, `${base}/zh/login`, `${base}/zh/activity/new`, `${base}/zh/activity/scan`],
  { encoding: 'utf8' },
);
process.stdout.write(output);
const home = /\/zh status=(\d+) js_gz_kb=([\d.]+)/.exec(output);
if (!home) throw new Error('could not read the figures for /zh');
const js = Number(home[2]);
console.log(`/zh first-load JS: ${js} KB gzipped (target ≤ 210 KB): ${js <= 210 ? 'met' : 'NOT met'}`);
process.exitCode = js <= 210 ? 0 : 1;
