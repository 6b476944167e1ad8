import { idParamSchema } from '@/lib/validations/route-params';
import { createTaskSchema } from '@/lib/validations/study';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { deleteTask, updateTask } from '@/server/tasks';

async function taskId(context: { params: Promise<{ id: string }> }): Promise<string> {
  const parsed = idParamSchema.safeParse((await context.params).id);
  if (!parsed.success) throw httpError(404, 'TASK_NOT_FOUND');
  return parsed.data;
}

/** Changes an assigned weekly task. */
export const PUT = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const id = await taskId(context);
  const input = await readJson(request, createTaskSchema);
  return json(await updateTask(await ready(), id, input));
});

/** Deletes an assigned weekly task; phones drop it on their next pull. */
export const DELETE = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  await deleteTask(await ready(), await taskId(context));
  return json({ deleted: true });
});
