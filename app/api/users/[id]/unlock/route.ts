import { ready } from '@/server/db';
import { handle, json, requireSameOrigin, requireUser } from '@/server/http';
import { unlockUser } from '@/server/users';

/** An administrator lifts every wrong-password lock on an account, from every address. */
export const POST = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const { id } = await context.params;
  const { db } = await ready();
  return json(await unlockUser(db, id));
});
