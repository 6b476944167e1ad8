// Draws the app icons (an open book on the brand red) as PNGs, with no image library: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};

function icon(size, { maskable }) {
  const red = [185, 28, 28];
  const white = [255, 255, 255];
  const gold = [250, 204, 21];
  const rows = [];
  const pad = maskable ? 0.2 : 0.12;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      const r = maskable ? 0 : 0.18;
      const cx = Math.min(Math.max(u, r), 1 - r);
      const cy = Math.min(Math.max(v, r), 1 - r);
      const inside = (u - cx) ** 2 + (v - cy) ** 2 <= r * r + 1e-9;
      let color = inside ? red : null;
      // An open book: two pages meeting at a spine, over a gold base line.
      const left = u > pad + 0.08 && u < 0.49 && v > 0.3 + (0.49 - u) * 0.15 && v < 0.7;
      const right = u > 0.51 && u < 1 - pad - 0.08 && v > 0.3 + (u - 0.51) * 0.15 && v < 0.7;
      if (inside && (left || right)) color = white;
      if (inside && v > 0.72 && v < 0.76 && u > pad + 0.08 && u < 1 - pad - 0.08) color = gold;
      row.push(...(color ?? [0, 0, 0]), color ? 255 : 0);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', icon(192, { maskable: false }));
writeFileSync('public/icons/icon-512.png', icon(512, { maskable: false }));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, { maskable: true }));
console.log('icons written');
