import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import manifest from '@/app/manifest';

/**
 * The install claims of issue 11: the manifest names an id, the shortcuts and narrow screenshots, and every image it
 * points to exists in public/ at the size it declares; the maskable icon keeps its glyph in the safe zone.
 */
const m = manifest();
const file = (src: string) => path.join(process.cwd(), 'public', src);

/** A PNG's width, height and RGBA pixels (8-bit RGB/RGBA, or a palette of 1–8 bits, as make-icons writes). */
function decodePng(bytes: Buffer): { width: number; height: number; rgba: (x: number, y: number) => number[] } {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour] = [bytes[24]!, bytes[25]!];
  let palette: Buffer = Buffer.alloc(0);
  let alpha: Buffer = Buffer.alloc(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'PLTE') palette = data;
    if (type === 'tRNS') alpha = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 1;
  const bpp = Math.max(1, (channels * depth) / 8);
  const stride = Math.ceil((width * channels * depth) / 8);
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = previous[i]!;
      const c = i >= bpp ? previous[i - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      line[i] = (line[i]! + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  const rgba = (x: number, y: number): number[] => {
    const row = rows[y]!;
    if (colour === 3) {
      const bit = x * depth;
      const index = (row[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
      return [palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!, index < alpha.length ? alpha[index]! : 255];
    }
    const px = [...row.subarray(x * channels, x * channels + channels)];
    return channels === 4 ? px : [...px, 255];
  };
  return { width, height, rgba };
}

describe('the web app manifest', () => {
  it('names the app, its id, scope and the two shortcuts', () => {
    expect(m).toMatchObject({ id: '/zh', name: '普法学堂', start_url: '/zh', scope: '/', display: 'standalone' });
    expect(m.shortcuts?.map((s) => s.url)).toEqual(['/zh/quiz/daily', '/zh/laws/search']);
  });

  it('shows narrow screenshots of the home and a lesson, each a PNG of the size it declares', () => {
    const shots = m.screenshots ?? [];
    expect(shots.filter((s) => s.form_factor === 'narrow').map((s) => s.src)).toEqual([
      '/screenshots/home-360.png',
      '/screenshots/lesson-360.png',
    ]);
    for (const shot of shots) {
      expect(existsSync(file(shot.src)), shot.src).toBe(true);
      const png = decodePng(readFileSync(file(shot.src)));
      expect(`${png.width}x${png.height}`).toBe(shot.sizes);
      expect(shot.type).toBe('image/png');
      expect(shot.label).toBeTruthy();
      // a phone screen, portrait (360 × 740 at twice the pixels), and small enough to fetch on a slow line
      expect(png.height / png.width).toBeCloseTo(740 / 360, 1);
      expect(readFileSync(file(shot.src)).length).toBeLessThan(200 * 1024);
    }
  });

  it('points every icon and shortcut icon at a file of the declared size', () => {
    const icons = [...(m.icons ?? []), ...(m.shortcuts ?? []).flatMap((s) => s.icons ?? [])];
    expect(m.icons?.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(['any any', '192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      expect(existsSync(file(icon.src)), icon.src).toBe(true);
      if (icon.src.endsWith('.svg')) {
        expect(readFileSync(file(icon.src), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
        continue;
      }
      const png = decodePng(readFileSync(file(icon.src)));
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('keeps the maskable icon full-bleed with its glyph inside the safe zone', () => {
    const png = decodePng(readFileSync(file('/icons/icon-maskable-512.png')));
    const background = png.rgba(0, 0);
    expect(background[3]).toBe(255);
    for (const [x, y] of [
      [511, 0],
      [0, 511],
      [511, 511],
    ] as const)
      expect(png.rgba(x, y)).toEqual(background);
    // Every pixel that is not the background lies within the central circle of radius 40 % of the size.
    let glyph = 0;
    for (let y = 0; y < png.height; y += 2)
      for (let x = 0; x < png.width; x += 2) {
        const px = png.rgba(x, y);
        if (px.every((v, i) => Math.abs(v - background[i]!) < 24)) continue;
        glyph++;
        expect(Math.hypot(x - 255.5, y - 255.5), `${x},${y}`).toBeLessThanOrEqual(0.4 * 512);
      }
    expect(glyph).toBeGreaterThan(2000);
  });
});
