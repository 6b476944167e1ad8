import { MAX_PUSH_BYTES, MAX_PUSH_OPS } from '@/lib/constants';
import { pushRequestSchema } from '@/lib/validations/sync';
import { ready } from '@/server/db';
import { handle, httpError, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { pushOps } from '@/server/sync/push';

/** Applies a batch of queued operations exactly once each and answers a result per op. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const body = await readJson(request, pushRequestSchema, MAX_PUSH_BYTES);
  if (body.ops.length > MAX_PUSH_OPS) throw httpError(413, 'TOO_MANY_OPS', { max: MAX_PUSH_OPS });
  return json(await pushOps(await ready(), user.id, body));
});
