import { createTaskSchema } from '@/lib/validations/study';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { createTask, listTasks } from '@/server/tasks';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json({ tasks: await listTasks(await ready()) });
});

/** 201 with the new task; 200 with the existing one when this submit repeats one already made. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const input = await readJson(request, createTaskSchema);
  const { task, created } = await createTask(await ready(), input, admin.id);
  return json({ ...task, duplicate: !created }, created ? 201 : 200);
});
