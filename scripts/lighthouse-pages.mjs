// Lighthouse 12.2.3 for `npm run bench:pages`: Debian's Chromium started by chrome-launcher, a demo villager signed in
// through the login form (Playwright over the same browser's DevTools port), then Lighthouse's default mobile run
// (Moto G Power emulation, simulated slow 4G and 4× CPU) on each page. The pages are static shells that read their
// data on the phone (IndexedDB): a session cookie alone would land on the login page. Lighthouse 12 clears only the
// service worker, Cache Storage and the HTTP cache before each run (its default clearStorageTypes), so every run is
// a first load of the code by a person who signed in on this phone before: cookie and IndexedDB stay.
// No request may leave the machine: every host but 127.0.0.1 fails to resolve in this Chromium, and a run whose
// requests name another host is reported.
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { categoryScores, leavingRequests } from './lighthouse-scores.mjs';

const VILLAGER = { phone: '13800000004', password: process.env.DEMO_PASSWORD || 'Pufa-demo-2026' };
const HEADING_TIMEOUT_MS = 30_000;

/** Signs the demo villager in through the login form and returns the path of a lesson the phone has pulled. */
async function signInAndFindLesson(page, base) {
  await page.goto(`${base}/zh/login`);
  await page.getByLabel('手机号').fill(VILLAGER.phone);
  await page.getByLabel('密码').fill(VILLAGER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor({ timeout: HEADING_TIMEOUT_MS });
  await page.goto(`${base}/zh/study`);
  const moduleLink = page.locator('main a[href*="/study/module?id="]').first();
  await moduleLink.waitFor({ timeout: HEADING_TIMEOUT_MS });
  await moduleLink.click();
  const lessonLink = page.locator('main a[href*="/study/lesson?id="]').first();
  await lessonLink.waitFor({ timeout: HEADING_TIMEOUT_MS });
  return lessonLink.getAttribute('href');
}

/** The page's h1 once it shows real content; throws when the app sent the person to the login page instead. */
async function shownHeading(page, url) {
  await page.goto(url);
  const heading = page.locator('main h1').first();
  await heading.waitFor({ timeout: HEADING_TIMEOUT_MS });
  const shown = new URL(page.url());
  const wanted = new URL(url);
  if (shown.pathname + shown.search !== wanted.pathname + wanted.search) throw new Error(`${url} went to ${page.url()}`);
  return (await heading.textContent())?.trim() ?? '';
}

/** The element of the largest contentful paint, when Lighthouse could name it (its trace audit fails on Chromium 156). */
function lcpElement(lhr) {
  const items = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = items.flatMap((i) => i.items ?? [i]).find((i) => i.node)?.node;
  return node ? ` (${(node.nodeLabel ?? node.snippet ?? '').slice(0, 60)})` : '';
}

/**
 * Runs Lighthouse `runs` times on each of `pages` ('lesson' stands for the first lesson of the first module) and
 * returns, per page, each run's category scores, metrics and problems. Reports are kept in `reportDir`.
 */
export async function auditPages({ base, pages, runs, chromePath, reportDir, log = console.log }) {
  const host = new URL(base).hostname;
  const chrome = await launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${host}`,
    ],
    logLevel: 'silent',
  });
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  try {
    const page = await browser.contexts()[0].newPage();
    const lessonPath = await signInAndFindLesson(page, base);
    const urls = pages.map((p) => base + (p === 'lesson' ? lessonPath : p));
    const headings = [];
    for (const url of urls) headings.push(await shownHeading(page, url));
    await page.close();
    mkdirSync(reportDir, { recursive: true });

    const results = [];
    for (const [i, url] of urls.entries()) {
      const pathAndQuery = url.slice(base.length);
      log(`  ${pathAndQuery} (“${headings[i]}”)`);
      const result = { path: pathAndQuery, heading: headings[i], runs: [] };
      for (let run = 1; run <= runs; run++) {
        const { lhr, report } = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          disableFullPageScreenshot: true,
        });
        const file = path.join(reportDir, `${pathAndQuery.replace(/\?.*/, '').replace(/\W+/g, '_')}-${run}.json`);
        writeFileSync(file, report);
        const shown = new URL(lhr.finalDisplayedUrl);
        const problems = [];
        if (shown.pathname + shown.search !== new URL(url).pathname + new URL(url).search)
          problems.push(`Lighthouse measured ${lhr.finalDisplayedUrl}, not the page asked for`);
        if (lhr.runtimeError) problems.push(`Lighthouse: ${lhr.runtimeError.message}`);
        const leaving = leavingRequests(lhr, [host]);
        if (leaving.length) problems.push(`requests left 127.0.0.1: ${leaving.slice(0, 3).join(', ')}`);
        const scores = categoryScores(lhr);
        const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
        log(
          `    run ${run}: ${Object.entries(scores)
            .map(([k, v]) => `${k} ${v ?? 'n/a'}`)
            .join(
              '  ',
            )}  | FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}${lcpElement(lhr)}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
        );
        if (run === 1 && i === 0)
          log(
            `      (this host's Lighthouse benchmarkIndex: ${lhr.environment.benchmarkIndex}; the 4× CPU slowdown assumes a fast desktop)`,
          );
        for (const p of problems) log(`      ${p}`);
        result.runs.push({ scores, lhr, problems, file });
      }
      results.push(result);
    }
    return results;
  } finally {
    await browser.close().catch(() => undefined);
    chrome.kill();
  }
}
