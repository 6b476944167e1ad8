import { listContent } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const { db } = await ready();
  return json({ modules: await listContent(db) });
});
