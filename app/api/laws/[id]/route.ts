import { lawIdSchema } from '@/lib/validations/laws';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';
import { getLaw } from '@/server/laws/library';

/** One version of a law with all its articles, for the phone to keep offline. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  await requireUser(request);
  const id = lawIdSchema.safeParse((await context.params).id);
  if (!id.success) throw new HttpError(422, id.error.issues[0]?.message ?? 'invalid id');
  const law = await getLaw(await ready(), id.data);
  if (!law)
    throw new HttpError(404, '没有这部法规，可能已停用；请刷新法规列表 / no such law (it may have been retired): refresh the law list');
  return json({ law });
});
