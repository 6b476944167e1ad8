import { moduleInputSchema } from '@/lib/validations/admin';
import { saveModule } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

export const PUT = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, moduleInputSchema);
  return json(await saveModule(await ready(), (await context.params).id, input));
});
