#!/usr/bin/env node
// `npm run bench:pages [-- --check]`: page weight and Lighthouse for the production build.
//  1. First-load JS and CSS (gzipped, what a first visit downloads: every <script src> and stylesheet of the HTML)
//     of each role's main screens, against a blank Next.js 16 App Router page measured the same way in the same
//     run. The blank page is a two-file app (layout + page) built once from the installed `next` package into
//     .cache/blank-next (rebuilt when the next version changes) and served by `next start` beside the app.
//     Budget: every screen ≤ 1.25 × the blank page's JS.
//  2. Lighthouse 12.2.3 (mobile, the default form factor and throttling) on home, a lesson and the quiz page, signed in
//     as the demo villager (scripts/lighthouse-pages.mjs): performance ≥ 0.95, accessibility 1.0, best practices 1.0,
//     SEO ≥ 0.9 (scripts/lighthouse-scores.mjs). `--runs=N` runs each page N times and checks the median.
// Starts the app from the build (npm run build) with scripts/server.mjs on a seeded demo database unless BASE_URL
// names a running one (it must hold the demo township). With --check it exits 1 when a budget or a score is missed;
// --no-budgets or --no-lighthouse skips one part. Uses CHROME_PATH (default /usr/bin/chromium). Only 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { auditPages } from './lighthouse-pages.mjs';
import { describeMiss, medianScores, missedCategories } from './lighthouse-scores.mjs';

const check = process.argv.includes('--check');
const skipLighthouse = process.argv.includes('--no-lighthouse');
const skipBudgets = process.argv.includes('--no-budgets');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs=N needs a whole number of runs, at least 1');
const root = process.cwd();
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const children = [];
const cleanups = [];

async function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `args` (node arguments) in cwd on a free port; the URL once `probe` answers 200. */
async function serve(cwd, env, probe, args) {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), {
    cwd,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${args(port).join(' ')} in ${cwd} exited with ${child.exitCode}`);
    if (
      await fetch(url + probe).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${args(port).join(' ')} in ${cwd} did not answer in 30 s`);
}

/** The blank Next.js 16 page, built from the installed next package (cached per next version). */
function blankApp() {
  const dir = path.join(root, '.cache', 'blank-next');
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules/next/package.json'), 'utf8')).version;
  const stamp = path.join(dir, '.built-with');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "blank-next", "private": true }\n');
  writeFileSync(path.join(dir, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
  writeFileSync(
    path.join(dir, 'app/layout.jsx'),
    'export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(path.join(dir, 'app/page.jsx'), 'export default function Page() {\n  return <main>blank</main>;\n}\n');
  console.log(`building a blank Next.js ${version} page in ${path.relative(root, dir)} (once per next version)…`);
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' });
  writeFileSync(stamp, version);
  return dir;
}

/** Gzipped bytes of the JS and CSS a first visit of this page downloads (the method of ../shared/bench/first-load.mjs). */
async function firstLoad(pageUrl) {
  const res = await fetch(pageUrl, { redirect: 'follow' });
  const html = await res.text();
  const assets = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) assets.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) assets.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)) assets.add(m[1]);
  let js = 0;
  let css = 0;
  for (const src of assets) {
    const url = new URL(src.replace(/&amp;/g, '&'), res.url);
    const gz = gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    if (url.pathname.endsWith('.css')) css += gz;
    else js += gz;
  }
  return { status: res.status, js: js / 1024, css: css / 1024 };
}

// Each role's main screens (the pages are static shells; roles differ in which of them they reach).
const SCREENS = {
  'everyone (signed out, or told to change a password)': ['/zh/login', '/zh/offline', '/zh/change-password'],
  villager: [
    '/zh',
    '/zh/study',
    '/zh/study/module',
    '/zh/study/lesson',
    '/zh/quiz',
    '/zh/quiz/practice',
    '/zh/quiz/daily',
    '/zh/laws',
    '/zh/laws/search',
    '/zh/me',
  ],
  '法律明白人 / lawyer': ['/zh/consult', '/zh/consult/new', '/zh/consult/item', '/zh/laws/article', '/zh/laws/law'],
  // The scan page's camera code and QR decoder load only once the person opens the camera: not in any first load.
  'cadre / publicist': [
    '/zh/report',
    '/zh/activity',
    '/zh/activity/new',
    '/zh/activity/view',
    '/zh/activity/scan',
    '/zh/activity/check-in',
    '/zh/quiz/exam',
  ],
  admin: ['/zh/admin', '/zh/admin/exams', '/zh/admin/exams/stats', '/zh/admin/laws', '/zh/admin/questions'],
};
// 'lesson': the first lesson of the first module, found once signed in.
const LIGHTHOUSE_PAGES = ['/zh', 'lesson', '/zh/quiz'];

const failures = [];
try {
  let base = process.env.BASE_URL?.replace(/\/$/, '');
  if (!base) {
    if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('no production build: run npm run build first');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-pages-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/setup-db.mts', '--no-laws'], {
      env: { ...process.env, ...env },
      stdio: 'pipe',
    });
    // The app as `npm start` runs it: scripts/server.mjs (Next.js behind the client-address wrapper).
    base = await serve(root, env, '/zh/login', () => ['scripts/server.mjs']);
  }
  if (!skipBudgets) {
    const blankUrl = await serve(blankApp(), {}, '/', (port) => [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1']);
    const blank = await firstLoad(blankUrl + '/');
    const budget = blank.js * 1.25;
    console.log(`blank Next.js page: ${blank.js.toFixed(1)} KB JS gzipped → budget ${budget.toFixed(1)} KB (1.25 ×)`);
    for (const [role, pages] of Object.entries(SCREENS)) {
      console.log(`\n${role}`);
      for (const page of pages) {
        const m = await firstLoad(base + page);
        const ok = m.status === 200 && m.js <= budget;
        console.log(
          `  ${page.padEnd(24)} status ${m.status}  JS ${m.js.toFixed(1).padStart(6)} KB  CSS ${m.css.toFixed(1).padStart(5)} KB  ${ok ? 'ok' : 'OVER BUDGET'}`,
        );
        if (!ok)
          failures.push(`${page}: ${m.status === 200 ? `${m.js.toFixed(1)} KB JS > ${budget.toFixed(1)} KB` : `status ${m.status}`}`);
      }
    }
  }

  if (!skipLighthouse) {
    console.log(`\nLighthouse 12.2.3, mobile, signed in as the demo villager, ${runs} run(s) per page (check: the median)`);
    const results = await auditPages({
      base,
      pages: LIGHTHOUSE_PAGES,
      runs,
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      reportDir: path.join(root, '.cache', 'lighthouse'),
    });
    for (const page of results) {
      const median = medianScores(page.runs.map((r) => r.scores));
      // The audits named for a miss are those of the run with the median score in that category.
      const misses = missedCategories(median, page.runs[0].lhr).map((miss) => {
        const sorted = [...page.runs].sort((a, b) => (a.scores[miss.category] ?? -1) - (b.scores[miss.category] ?? -1));
        const mid = sorted[Math.floor((sorted.length - 1) / 2)];
        return { ...miss, audits: missedCategories(median, mid.lhr).find((m) => m.category === miss.category)?.audits ?? [] };
      });
      console.log(
        `  ${page.path.padEnd(60)} median: ${Object.entries(median)
          .map(([k, v]) => `${k} ${v ?? 'n/a'}`)
          .join('  ')}  ${misses.length ? 'MISSED' : 'ok'}`,
      );
      for (const miss of misses) {
        let detail = '';
        if (miss.category === 'best-practices') {
          const errors = (page.runs[0].lhr.audits['errors-in-console']?.details?.items ?? [])
            .map((i) => `"${String(i.description ?? '').slice(0, 120)}"${i.sourceLocation?.url ? ` at ${i.sourceLocation.url}` : ''}`)
            .slice(0, 3);
          if (errors.length) detail = ` [${errors.join('; ')}]`;
        }
        failures.push(`${page.path} ${describeMiss(miss)}${detail}`);
      }
      for (const problem of new Set(page.runs.flatMap((r) => r.problems))) failures.push(`${page.path}: ${problem}`);
    }
    console.log(`  reports: ${path.relative(root, path.join(root, '.cache', 'lighthouse'))}/*.json`);
  }
} finally {
  for (const child of children) child.kill();
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  for (const cleanup of cleanups) cleanup();
}
if (failures.length) {
  console.log(`\nNOT met:\n- ${failures.join('\n- ')}`);
  if (check) process.exitCode = 1;
} else console.log('\nall budgets and scores met');
