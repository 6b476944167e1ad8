import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '@/lib/constants';
import { hasLocationMetadata, isAcceptedType, SHA256_HEX, sniffType, type AcceptedFileType } from '@/lib/files/sniff';
import type { Role } from '@/lib/roles';
import type { Db, DbHandle, Trx } from './db/client';
import { env } from './env';
import { HttpError, httpError } from './http';

/**
 * The one owner of file storage. A file is stored once, by the SHA-256 of its bytes, under FILES_DIR/ab/abcd…
 * (a folder several app servers can share); `storedFile` says what it is and who uploaded it, `fileOwner` which
 * records it belongs to (an activity, a consultation, …). Whoever may read one owning record may read the file;
 * each owner kind registers its rule with registerFileAccess, so a feature adds its own without editing this file.
 * An S3-compatible store would replace the four disk functions at the bottom.
 */
export interface FileReader {
  id: string;
  role: Role;
  orgUnitId: string | null;
  legalLiterate: boolean;
}

/** May this person read the record `ownerId` of this kind? */
export type FileAccessRule = (db: Db | Trx, reader: FileReader, ownerId: string) => Promise<boolean>;

const rules = new Map<string, FileAccessRule>();

export function registerFileAccess(ownerKind: string, rule: FileAccessRule): void {
  rules.set(ownerKind, rule);
}

export interface StoredFile {
  hash: string;
  type: AcceptedFileType;
  size: number;
  created: boolean;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(size?: number): HttpError {
  return httpError(413, 'PHOTO_TOO_LARGE', { size: size ? mb(size) : '?', limit: mb(MAX_FILE_BYTES) });
}

/** Checks the bytes are what their hash says, a JPEG or WebP by its magic bytes, small enough, without EXIF/XMP. */
export function checkUpload(hash: string, bytes: Uint8Array): AcceptedFileType {
  if (!SHA256_HEX.test(hash)) throw httpError(400, 'FILE_HASH_FORMAT');
  if (bytes.length === 0) throw httpError(400, 'FILE_EMPTY');
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(bytes.length);
  const type = sniffType(bytes);
  if (!isAcceptedType(type)) {
    throw type === 'unknown'
      ? httpError(415, 'PHOTO_NOT_IMAGE')
      : httpError(415, 'PHOTO_TYPE', { type: type.replace('image/', '').toUpperCase() });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== hash) throw httpError(422, 'FILE_HASH_MISMATCH');
  if (hasLocationMetadata(bytes, type)) throw httpError(422, 'PHOTO_METADATA');
  return type;
}

/** Stores an upload; the same bytes again change nothing (created: false). */
export async function storeFile(
  handle: DbHandle,
  uploaderId: string,
  hash: string,
  bytes: Uint8Array,
  dir = env().FILES_DIR,
): Promise<StoredFile> {
  const type = checkUpload(hash, bytes);
  const created = await writeOnce(dir, hash, bytes);
  await handle.db
    .insertInto('storedFile')
    .values({ hash, type, size: bytes.length, uploadedBy: uploaderId, createdAt: new Date().toISOString() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  return { hash, type, size: bytes.length, created };
}

/** Records that a file belongs to a record; the file may be uploaded before or after. */
export async function attachFile(trx: Trx, hash: string, ownerKind: string, ownerId: string, now: string): Promise<void> {
  await trx
    .insertInto('fileOwner')
    .values({ hash, ownerKind, ownerId, createdAt: now })
    .onConflict((oc) => oc.columns(['hash', 'ownerKind', 'ownerId']).doNothing())
    .execute();
}

/**
 * May this person attach the file to a record of theirs? Only if they uploaded it, it is not uploaded yet (they will
 * have to send the bytes), or they may already read it: knowing a hash must not open someone else's photo.
 */
export async function canAttachFile(trx: Trx, reader: FileReader, hash: string): Promise<boolean> {
  const file = await trx.selectFrom('storedFile').select('uploadedBy').where('hash', '=', hash).executeTakeFirst();
  return !file || file.uploadedBy === reader.id || canReadFile(trx, reader, hash);
}

/** Keeps only `keep` attached to the record (an edit removed a photo); the bytes stay for other owners. */
export async function detachOtherFiles(trx: Trx, ownerKind: string, ownerId: string, keep: string[]): Promise<void> {
  let query = trx.deleteFrom('fileOwner').where('ownerKind', '=', ownerKind).where('ownerId', '=', ownerId);
  if (keep.length) query = query.where('hash', 'not in', keep);
  await query.execute();
}

/**
 * Deletes files no record owns any more (after their owner dropped them, e.g. retention), rows first inside the
 * caller's transaction; returns the hashes whose bytes the caller removes with deleteFileBytes after commit.
 */
export async function forgetUnownedFiles(trx: Trx, hashes: string[]): Promise<string[]> {
  const gone: string[] = [];
  for (const hash of new Set(hashes)) {
    const owner = await trx.selectFrom('fileOwner').select('hash').where('hash', '=', hash).executeTakeFirst();
    if (owner) continue;
    await trx.deleteFrom('storedFile').where('hash', '=', hash).execute();
    gone.push(hash);
  }
  return gone;
}

export async function deleteFileBytes(hashes: string[], dir = env().FILES_DIR): Promise<void> {
  for (const hash of hashes) if (SHA256_HEX.test(hash)) await unlink(pathOf(dir, hash)).catch(() => undefined);
}

export async function canReadFile(db: Db | Trx, reader: FileReader, hash: string): Promise<boolean> {
  const file = await db.selectFrom('storedFile').select('uploadedBy').where('hash', '=', hash).executeTakeFirst();
  if (file?.uploadedBy === reader.id) return true;
  const owners = await db.selectFrom('fileOwner').select(['ownerKind', 'ownerId']).where('hash', '=', hash).execute();
  for (const owner of owners) {
    const rule = rules.get(owner.ownerKind);
    if (rule && (await rule(db, reader, owner.ownerId))) return true;
  }
  return false;
}

/** The file's bytes for a reader allowed to see one of its owners; 404 otherwise (never reveals that it exists). */
export async function readStoredFile(handle: DbHandle, reader: FileReader, hash: string, dir = env().FILES_DIR) {
  const notFound = httpError(404, 'PHOTO_NOT_FOUND');
  if (!SHA256_HEX.test(hash)) throw notFound;
  const row = await handle.db.selectFrom('storedFile').select(['type', 'size']).where('hash', '=', hash).executeTakeFirst();
  if (!row || !(await canReadFile(handle.db, reader, hash))) throw notFound;
  const bytes = await readFile(pathOf(dir, hash)).catch(() => null);
  if (!bytes) throw notFound;
  return { bytes, type: row.type as AcceptedFileType };
}

/** Reads a request body of at most MAX_FILE_BYTES, refusing more with 413 before reading it all. */
export async function readUploadBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FILE_BYTES) throw tooLarge(declared);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_FILE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function pathOf(dir: string, hash: string): string {
  return path.join(dir, hash.slice(0, 2), hash);
}

async function writeOnce(dir: string, hash: string, bytes: Uint8Array): Promise<boolean> {
  const target = pathOf(dir, hash);
  if (await stat(target).catch(() => null)) return false;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, bytes);
  try {
    await rename(temp, target); // atomic: a reader sees the whole file or none
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return true;
}
