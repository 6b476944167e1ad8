import { pullQuerySchema } from '@/lib/validations/sync';
import { ready } from '@/server/db';
import { handle, json, readQuery, requireUser } from '@/server/http';
import { pullChanges } from '@/server/sync/pull';

/** Content and the user's own records changed since the cursor. */
export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  const { cursor } = readQuery(request, pullQuerySchema);
  return json(await pullChanges(await ready(), user, cursor));
});
