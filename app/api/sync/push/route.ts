import { MAX_PUSH_BYTES, MAX_PUSH_OPS } from '@/lib/constants';
import { pushRequestSchema } from '@/lib/validations/sync';
import { ready } from '@/server/db';
import { HttpError, handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { pushOps } from '@/server/sync/push';

/** Applies a batch of queued operations exactly once each and answers a result per op. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const user = await requireUser(request);
  const body = await readJson(request, pushRequestSchema, MAX_PUSH_BYTES);
  if (body.ops.length > MAX_PUSH_OPS)
    throw new HttpError(413, `一次最多推送 ${MAX_PUSH_OPS} 项操作 / at most ${MAX_PUSH_OPS} ops per push`);
  return json(await pushOps(await ready(), user.id, body));
});
