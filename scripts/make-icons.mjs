// Renders the launcher icons from public/icons/icon.svg (a scales-of-justice on the brand red) with the e2e Chromium:
// node scripts/make-icons.mjs. The maskable icon fills the whole square and keeps the glyph inside the central
// circle of 40 % radius that every launcher mask leaves visible.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { optimizePng } from './optimize-png.mjs';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
const glyph = /<g id="scales"[\s\S]*?<\/g>/.exec(svg)?.[0];
if (!glyph) throw new Error('icon.svg has no <g id="scales">');
// Full bleed, the glyph scaled into the safe zone (its farthest corner 0.38 × 512 from the centre).
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#b91c1c"/><g transform="translate(256 262) scale(0.74) translate(-256 -271)">${glyph}</g></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
async function render(source, size, file) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(file, await optimizePng(png));
  console.log(`${file}: ${size}×${size}`);
}
await render(svg, 192, 'public/icons/icon-192.png');
await render(svg, 512, 'public/icons/icon-512.png');
await render(maskable, 512, 'public/icons/icon-maskable-512.png');
await browser.close();
