import { questionInputSchema, questionListSchema } from '@/lib/validations/question';
import { listQuestions, saveQuestion } from '@/server/admin/questions';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

/** The question bank for authoring: ?q= (text or tag), ?moduleId=, ?page=; drafts included, archived left out. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const parsed = questionListSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw httpError(422, 'INVALID');
  return json(await listQuestions((await ready()).db, parsed.data));
});

/** Writes a new question, as a draft or published at once. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, questionInputSchema, 32 * 1024);
  return json(await saveQuestion(await ready(), null, input), 201);
});
