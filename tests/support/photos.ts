import { createHash } from 'node:crypto';

/** Byte strings shaped like the photos a phone sends (the server judges headers, it never decodes pixels). */
const JFIF = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
const SCAN = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0xd9];

export function jpegBytes(seed = 'photo', padTo = 0): Buffer {
  const body = Buffer.from(seed);
  const pad = Buffer.alloc(Math.max(0, padTo - JFIF.length - SCAN.length - body.length), 7);
  return Buffer.concat([Buffer.from(JFIF), Buffer.from(SCAN.slice(0, 10)), body, pad, Buffer.from(SCAN.slice(10))]);
}

export function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x10]), Buffer.from('Exif\0\0GPS.....')]).subarray(0, 18);
  return Buffer.concat([Buffer.from(JFIF.slice(0, 2)), exif, Buffer.from(JFIF.slice(2)), Buffer.from(SCAN)]);
}

export function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('....IHDR fake png body')]);
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
