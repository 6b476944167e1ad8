import { questionInputSchema } from '@/lib/validations/question';
import { getQuestion, saveQuestion } from '@/server/admin/questions';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, context: Context) => {
  await requireUser(request, ['admin']);
  return json(await getQuestion((await ready()).db, (await context.params).id));
});

/** Saves an edit; published, it reaches phones on their next pull, and back to draft it leaves them. */
export const PUT = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, questionInputSchema, 32 * 1024);
  return json(await saveQuestion(await ready(), (await context.params).id, input));
});
