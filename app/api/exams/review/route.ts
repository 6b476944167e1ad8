import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { parseId } from '@/server/quiz/params';
import { attemptReview } from '@/server/quiz/review';

/** The review of one of the learner's own attempts (?attemptId=), once the exam has closed and if allowed. */
export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  const attemptId = parseId(new URL(request.url).searchParams.get('attemptId'), 'attemptId');
  return json(await attemptReview((await ready()).db, user, attemptId));
});
