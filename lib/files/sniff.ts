/**
 * What a file really is, from its first bytes (never its name or declared type), and whether it carries metadata
 * that may hold a location. Pure, so the phone and the server judge a photo the same way.
 *
 * Accepted: JPEG and WebP, the two formats a phone's canvas re-encodes to (re-encoding drops EXIF, GPS included).
 * PNG is refused on purpose: the app never produces it, and a PNG may carry an eXIf chunk.
 */
export const ACCEPTED_FILE_TYPES = ['image/jpeg', 'image/webp'] as const;
export type AcceptedFileType = (typeof ACCEPTED_FILE_TYPES)[number];
export type SniffedType = AcceptedFileType | 'image/png' | 'image/gif' | 'application/pdf' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, len: number) => String.fromCharCode(...b.subarray(from, from + len));

export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'image/gif';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return 'unknown';
}

export function isAcceptedType(type: SniffedType): type is AcceptedFileType {
  return (ACCEPTED_FILE_TYPES as readonly string[]).includes(type);
}

/** True when a JPEG has an EXIF or XMP segment before its image data, or a WebP has an EXIF or XMP chunk. */
export function hasLocationMetadata(bytes: Uint8Array, type: AcceptedFileType): boolean {
  if (type === 'image/jpeg') {
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      if (marker === 0xda || marker === 0xd9) return false; // start of scan / end of image: no more headers
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
      if (marker === 0xe1) {
        const head = ascii(bytes, at + 4, 29);
        if (head.startsWith('Exif') || head.startsWith('http://ns.adobe.com/xap')) return true;
      }
      at += 2 + length;
    }
    return false;
  }
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at, 4);
    if (id === 'EXIF' || id === 'XMP ') return true;
    const size = bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24);
    at += 8 + size + (size % 2);
  }
  return false;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
