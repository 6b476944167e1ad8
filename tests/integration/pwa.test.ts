import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routing } from '@/lib/i18n/routing';

/**
 * The PWA claims (issue 13) checked against the build `npm test` made: every page of both locales is prerendered
 * and in the service worker's precache (compared page by page with the build's own list, not counted), every
 * precached file exists, and the web app manifest has the fields an installable app needs.
 */
const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The URL paths of the pages under app/[locale], with route groups dropped; dynamic segments have none. */
function pagePaths(): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const group = /^\(.*\)$/.test(entry.name);
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
      } else if (entry.name === 'page.tsx') found.push(`/${segments.join('/')}`.replace(/\/$/, ''));
    }
  };
  walk(path.join(root, 'app/[locale]'), []);
  return found.filter((p) => !p.includes('['));
}

function precacheUrls(): string[] {
  return [...read('public/sw.js').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
}

describe('the PWA build', () => {
  it('prerenders every page of both locales and precaches each one', () => {
    const prerendered = Object.keys((JSON.parse(read('.next/prerender-manifest.json')) as { routes: Record<string, unknown> }).routes);
    const precached = new Set(precacheUrls());
    const pages = routing.locales.flatMap((locale) => pagePaths().map((p) => `/${locale}${p}`));
    expect(routing.locales).toEqual(expect.arrayContaining(['zh', 'en']));
    expect(pages.filter((p) => !prerendered.includes(p))).toEqual([]);
    expect(pages.filter((p) => !precached.has(p))).toEqual([]);
    // and nothing the build prerendered for a locale is left out
    const localePages = prerendered.filter((r) => routing.locales.some((l) => r === `/${l}` || r.startsWith(`/${l}/`)));
    expect(localePages.filter((p) => !precached.has(p))).toEqual([]);
    expect(precached.has('/manifest.webmanifest')).toBe(true);
  });

  it('precaches only files that exist in the build or in public/', () => {
    const missing = precacheUrls()
      .filter((u) => u.startsWith('/_next/static/') || /\.(png|svg|ico|webmanifest|js|css|woff2?)$/.test(u))
      .filter((u) => u !== '/manifest.webmanifest')
      .filter((u) => {
        const file = u.startsWith('/_next/static/') ? path.join('.next/static', u.slice('/_next/static/'.length)) : path.join('public', u);
        return !existsSync(path.join(root, decodeURIComponent(file)));
      });
    expect(missing).toEqual([]);
  });

  it('serves a manifest with the fields an installable, offline app needs', () => {
    const manifest = JSON.parse(read('.next/server/app/manifest.webmanifest.body')) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: '普法学堂',
      short_name: '普法学堂',
      lang: 'zh-CN',
      start_url: '/zh',
      scope: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
      'any any',
    ]);
    // the SVG source scales to any size; each PNG is checked against its claimed size (tests/unit/app/manifest.test.ts
    // checks the screenshots and the maskable safe zone)
    for (const icon of manifest.icons.filter((i) => i.sizes !== 'any')) {
      expect(icon.type).toBe('image/png');
      const png = readFileSync(path.join(root, 'public', icon.src));
      // the PNG's own width and height (IHDR) match the size the manifest claims
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});
