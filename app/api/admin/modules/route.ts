import { moduleInputSchema } from '@/lib/validations/admin';
import { saveModule } from '@/server/admin/content';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, moduleInputSchema);
  return json(await saveModule(await ready(), null, input), 201);
});
