import { resizePhoto, sha256Hex } from '@/lib/files/resize';
import { localDb, type LocalFile, type PufaDB } from './db';

/**
 * Photos on the phone: resized, kept in IndexedDB by content hash until the sync loop uploads them (before it
 * pushes the ops that name them), then kept so the person's own photos still show offline.
 */

/** Resizes a picked or captured photo and keeps it. Writes: files. Queues nothing: the op that names it does. */
export async function addPhoto(file: Blob, ownerId: string, db: PufaDB = localDb()): Promise<LocalFile> {
  const { blob } = await resizePhoto(file);
  const hash = await sha256Hex(blob);
  const existing = await db.files.get(hash);
  if (existing) return existing;
  const row: LocalFile = {
    hash,
    blob,
    type: blob.type || 'image/jpeg',
    size: blob.size,
    ownerId,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
  await db.files.put(row);
  return row;
}

export interface UploadSummary {
  uploaded: number;
  refused: number;
}

/**
 * Uploads every waiting photo to PUT /api/files/<sha256>. A refusal (too large, wrong type) is kept on the photo
 * with the server's reason; a network or server error stops here and the loop retries later.
 */
export async function uploadPendingFiles(db: PufaDB = localDb(), fetchFn: typeof fetch = fetch, origin = ''): Promise<UploadSummary> {
  const summary: UploadSummary = { uploaded: 0, refused: 0 };
  const pending = await db.files.where('status').equals('pending').toArray();
  for (const file of pending) {
    const response = await fetchFn(`${origin}/api/files/${file.hash}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': file.type },
      body: file.blob,
    });
    if (response.ok) {
      await db.files.update(file.hash, { status: 'uploaded', reason: undefined, code: undefined, params: undefined });
      summary.uploaded++;
    } else if ([400, 413, 415, 422].includes(response.status)) {
      const body = (await response.json().catch(() => ({}))) as { error?: string; code?: string; params?: Record<string, string | number> };
      await db.files.update(file.hash, {
        status: 'refused',
        reason: body.error ?? response.statusText,
        code: body.code,
        params: body.params,
      });
      summary.refused++;
    } else {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      const error = new Error(body.error ?? `upload failed with ${response.status}`) as Error & { status?: number };
      error.name = 'SyncHttpError';
      error.status = response.status;
      throw error;
    }
  }
  return summary;
}
