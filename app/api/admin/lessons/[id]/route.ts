import { contentActionSchema, lessonInputSchema } from '@/lib/validations/admin';
import { deleteLesson, getLessonForEdit, publishLesson, saveLesson } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, context: Context) => {
  await requireUser(request, ['admin']);
  const { db } = await ready();
  return json(await getLessonForEdit(db, (await context.params).id));
});

/** Saves the lesson as a draft; phones see nothing until it is published. */
export const PUT = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, lessonInputSchema, 256 * 1024);
  return json(await saveLesson(await ready(), (await context.params).id, input));
});

/** { action: 'publish' } sends it to phones; { action: 'delete' } deletes a draft or archives a published lesson. */
export const PATCH = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const { action } = await readJson(request, contentActionSchema);
  const id = (await context.params).id;
  if (action === 'publish') {
    await publishLesson(await ready(), id);
    return json({ id, status: 'published' });
  }
  const { archived } = await deleteLesson(await ready(), id);
  return json({ id, status: archived ? 'archived' : 'deleted' });
});
