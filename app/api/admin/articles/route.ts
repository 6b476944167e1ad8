import { z } from 'zod';
import { searchArticles } from '@/server/admin/content';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';

const query = z.object({ q: z.string().trim().min(1).max(40) });

/** The citation picker's search over the law library. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new HttpError(422, '请输入要查找的词 / type a word to search for');
  const { db } = await ready();
  return json({ articles: await searchArticles(db, parsed.data.q) });
});
