import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLocationMetadata, sniffType } from '@/lib/files/sniff';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { attachFile, canReadFile, checkUpload, readStoredFile, registerFileAccess, storeFile } from '@/server/files';
import { HttpError } from '@/server/http';
import { jpegBytes, jpegWithExif, pngBytes, sha256 } from '../../support/photos';

/** File storage on a real SQLite database and a temporary folder. */
let dir: string;
let handle: DbHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pufa-files-'));
  handle = openDatabase({ dataDir: dir });
  await migrate(handle);
});
afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

function refusal(fn: () => unknown): { status: number; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('photo checks', () => {
  it('tells the type by magic bytes', () => {
    expect(sniffType(jpegBytes())).toBe('image/jpeg');
    expect(sniffType(pngBytes())).toBe('image/png');
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(Buffer.from('hello'))).toBe('unknown');
  });

  it('refuses a PNG whatever its name, naming what it really is', () => {
    const png = pngBytes();
    const r = refusal(() => checkUpload(sha256(png), png));
    expect(r.status).toBe(415);
    expect(r.message).toContain('PNG');
  });

  it('refuses an 11 MB photo with 413', () => {
    const big = jpegBytes('big', 11 * 1024 * 1024);
    expect(refusal(() => checkUpload(sha256(big), big)).status).toBe(413);
  });

  it('refuses bytes that do not match their hash', () => {
    expect(refusal(() => checkUpload(sha256(jpegBytes('a')), jpegBytes('b'))).status).toBe(422);
  });

  it('refuses a JPEG that still carries EXIF', () => {
    const exif = jpegWithExif();
    expect(hasLocationMetadata(exif, 'image/jpeg')).toBe(true);
    expect(hasLocationMetadata(jpegBytes(), 'image/jpeg')).toBe(false);
    expect(refusal(() => checkUpload(sha256(exif), exif)).message).toContain('EXIF');
  });
});

describe('storage and access', () => {
  const uploader = { id: 'u-1', role: 'publicist', orgUnitId: null, legalLiterate: false } as const;
  const stranger = { id: 'u-2', role: 'villager', orgUnitId: null, legalLiterate: false } as const;
  const friend = { id: 'u-3', role: 'villager', orgUnitId: null, legalLiterate: false } as const;

  it('stores the same bytes once', async () => {
    const bytes = jpegBytes('once');
    const hash = sha256(bytes);
    expect((await storeFile(handle, uploader.id, hash, bytes, dir)).created).toBe(true);
    expect((await storeFile(handle, uploader.id, hash, bytes, dir)).created).toBe(false);
    expect(readdirSync(path.join(dir, hash.slice(0, 2)))).toEqual([hash]);
  });

  it('serves a file to its uploader and to readers its owner kind allows, and to no one else', async () => {
    registerFileAccess('test-owner', async (_db, reader, ownerId) => ownerId === 'rec-1' && reader.id === friend.id);
    const bytes = jpegBytes('shared');
    const hash = sha256(bytes);
    await storeFile(handle, uploader.id, hash, bytes, dir);
    expect(await canReadFile(handle.db, friend, hash)).toBe(false);
    await attachFile(handle.db, hash, 'test-owner', 'rec-1', new Date().toISOString());
    expect(await canReadFile(handle.db, uploader, hash)).toBe(true);
    expect(await canReadFile(handle.db, friend, hash)).toBe(true);
    expect(await canReadFile(handle.db, stranger, hash)).toBe(false);
    expect(Buffer.from((await readStoredFile(handle, friend, hash, dir)).bytes)).toEqual(bytes);
    await expect(readStoredFile(handle, stranger, hash, dir)).rejects.toMatchObject({ status: 404 });
  });
});
