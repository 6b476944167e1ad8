import { pullQuerySchema } from '@/lib/validations/sync';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';
import { pullChanges } from '@/server/sync/pull';

/** Content and the user's own records changed since the cursor. */
export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  const query = pullQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError(422, 'cursor: 必须是非负整数 / must be a non-negative integer');
  return json(await pullChanges(await ready(), user, query.data.cursor));
});
