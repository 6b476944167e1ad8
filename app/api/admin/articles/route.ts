import { z } from 'zod';
import { searchArticles } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readQuery, requireUser } from '@/server/http';

const query = z.object({ q: z.string().trim().min(1).max(40) });

/** The citation picker's search over the law library. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const { q } = readQuery(request, query);
  const { db } = await ready();
  return json({ articles: await searchArticles(db, q) });
});
