import { ready } from '@/server/db';
import { readStoredFile, readUploadBody, storeFile } from '@/server/files';
import '@/server/file-owners';
import { handle, json, requireSameOrigin, requireUser } from '@/server/http';

/**
 * PUT: upload a photo at its own SHA-256 (idempotent: 201 the first time, 200 after). GET: the photo, for a
 * signed-in person allowed to see a record it belongs to; never stored by a cache (private, no-store).
 */
type Params = { params: Promise<{ hash: string }> };

export const PUT = handle(async (request: Request, { params }: Params) => {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const { hash } = await params;
  const bytes = await readUploadBody(request);
  const stored = await storeFile(await ready(), user.id, hash, bytes);
  return json(stored, stored.created ? 201 : 200);
});

export const GET = handle(async (request: Request, { params }: Params) => {
  const user = await requireUser(request);
  const { hash } = await params;
  const file = await readStoredFile(await ready(), user, hash);
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.bytes.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
});
