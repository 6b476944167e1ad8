import { lawIdSchema } from '@/lib/validations/laws';
import { ready } from '@/server/db';
import { handle, httpError, json, requireUser } from '@/server/http';
import { getLaw } from '@/server/laws/library';

/** One version of a law with all its articles, for the phone to keep offline. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  await requireUser(request);
  const id = lawIdSchema.safeParse((await context.params).id);
  if (!id.success) throw httpError(422, 'INVALID_ID', undefined, { id: 'INVALID_ID' });
  const law = await getLaw(await ready(), id.data);
  if (!law) throw httpError(404, 'LAW_GONE');
  return json({ law });
});
