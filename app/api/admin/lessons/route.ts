import { lessonInputSchema } from '@/lib/validations/admin';
import { saveLesson } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, lessonInputSchema, 256 * 1024);
  return json(await saveLesson(await ready(), null, input), 201);
});
