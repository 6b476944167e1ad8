// @ts-check
// Builds public/sw.js after `next build`, so every prerendered page of both locales is precached.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serwist } from '@serwist/next/config';

const revision = createHash('sha256').update(readFileSync('.next/BUILD_ID')).digest('hex').slice(0, 16);

export default serwist({
  swSrc: 'app/sw.ts',
  swDest: 'public/sw.js',
  additionalPrecacheEntries: [{ url: '/manifest.webmanifest', revision }],
  // The store screenshots are for the install sheet, never shown offline: not worth precaching on every phone.
  globIgnores: ['public/sw.js', 'public/sw.js.map', 'public/screenshots/**'],
  esbuildOptions: { minify: true },
});
