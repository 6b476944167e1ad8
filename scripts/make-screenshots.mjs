// Makes the web app manifest's screenshots (public/screenshots/*.png): the demo township on a fresh SQLite data
// folder, the production build, and the e2e Chromium at 360 × 740 (device pixel ratio 2), signed in as the demo
// cadre. Run once after `npm run build`: node scripts/make-screenshots.mjs
// Chromium needs a Chinese font; where the system has none, FONT_DIR names a folder holding one (for example
// fonts-wqy-microhei unpacked), used by this Chromium only.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { optimizePng } from './optimize-png.mjs';

const PASSWORD = 'Pufa-demo-2026';
const CADRE = '13800000003';
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = Number(process.env.PORT ?? (await freePort()));
const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-shots-'));
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
});
const stop = () => server.exitCode === null && server.kill('SIGTERM');
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/zh/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start in 2 minutes');
}

function fontEnv() {
  if (!process.env.FONT_DIR) return process.env;
  const conf = path.join(dataDir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.resolve(process.env.FONT_DIR)}</dir></fontconfig>`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}

try {
  await waitForServer();
  const db = new BetterSqlite3(path.join(dataDir, 'pufa.sqlite'), { readonly: true, fileMustExist: true });
  // A lesson a villager meets in life: the first of the marriage and family module (彩礼, 离婚冷静期 …).
  const lesson = db
    .prepare("select l.id from lesson l join module m on m.id = l.moduleId where m.slug = 'hunyin-jiating' order by l.sortOrder limit 1")
    .get();
  db.close();
  if (!lesson) throw new Error('the demo has no marriage and family lesson');

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', env: fontEnv() });
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${base}/zh/login`);
  await page.getByLabel('手机号').fill(CADRE);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  // The first pull fills the phone; the home is shot once its cards hold the cadre's week.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  mkdirSync('public/screenshots', { recursive: true });
  const shoot = async (file) => {
    writeFileSync(file, await optimizePng(await page.screenshot({ type: 'png' })));
    console.log(`${file}: 720×1480`);
  };
  await shoot('public/screenshots/home-360.png');
  await page.goto(`${base}/zh/study/lesson?id=${lesson.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(800);
  await shoot('public/screenshots/lesson-360.png');
  await browser.close();
} finally {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
}
