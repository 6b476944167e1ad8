import { lawIdSchema, retireLawSchema } from '@/lib/validations/laws';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { lawCitations, retireLaw } from '@/server/laws/retire';

/** GET (admin): the lessons and questions citing a law, shown before retiring it. POST (admin): retire it. */
async function lawId(context: { params: Promise<{ id: string }> }): Promise<string> {
  const id = lawIdSchema.safeParse((await context.params).id);
  if (!id.success) throw httpError(422, 'INVALID_ID', undefined, { id: 'INVALID_ID' });
  return id.data;
}

export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  await requireUser(request, ['admin']);
  const { db } = await ready();
  return json(await lawCitations(db, await lawId(context)));
});

export const POST = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  await readJson(request, retireLawSchema);
  return json(await retireLaw(await ready(), await lawId(context), admin.id));
});
