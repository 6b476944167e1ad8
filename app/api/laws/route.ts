import { ready } from '@/server/db';
import { handle, json, requireSameOrigin, requireUser } from '@/server/http';
import { listLaws } from '@/server/laws/library';
import { importLawUpload, readLawUpload } from '@/server/laws/upload';

/** GET: the current version of every law. POST (admin): import law files, all or nothing. */
export const GET = handle(async (request: Request) => {
  await requireUser(request);
  return json({ laws: await listLaws(await ready()) });
});

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const upload = await readLawUpload(request);
  return json(await importLawUpload(await ready(), upload, admin.id));
});
