import { ready } from '@/server/db';
import { handle, json, requireSameOrigin, requireUser } from '@/server/http';
import { issuePaper } from '@/server/quiz/papers';
import { parseId } from '@/server/quiz/params';

/** Downloads a learner's paper for an exam: questions without keys; the same unused paper when asked again. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const user = await requireUser(request);
  return json(await issuePaper(await ready(), user, parseId((await params).id)));
});
