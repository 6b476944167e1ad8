import { moduleActionSchema, moduleInputSchema } from '@/lib/validations/admin';
import { archiveModule, deleteModule, saveModule } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

export const PUT = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, moduleInputSchema);
  return json(await saveModule(await ready(), (await context.params).id, input));
});

/**
 * { action: 'archive' } takes a module and its lessons off the phones on their next pull, keeping history and
 * figures; { action: 'delete' } deletes a draft nobody used and archives anything else.
 */
export const PATCH = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const { action } = await readJson(request, moduleActionSchema);
  const id = (await context.params).id;
  if (action === 'archive') {
    await archiveModule(await ready(), id);
    return json({ id, status: 'archived' });
  }
  const { archived } = await deleteModule(await ready(), id);
  return json({ id, status: archived ? 'archived' : 'deleted' });
});
