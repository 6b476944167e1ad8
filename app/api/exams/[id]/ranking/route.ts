import { MIN_RANKING_GROUP } from '@/lib/constants';
import { ready } from '@/server/db';
import { handle, httpError, json, requireUser } from '@/server/http';
import { inAudience, learnerOf } from '@/server/quiz/exams';
import { parseId } from '@/server/quiz/params';
import { examStats } from '@/server/quiz/stats';

/** The village ranking of an exam (averages and participation, never names): admins, and learners when allowed. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(request);
  const { db } = await ready();
  const stats = await examStats(db, parseId((await params).id));
  if (user.role !== 'admin') {
    if (!stats.exam.showRanking) throw httpError(403, 'RANKING_HIDDEN');
    if (!inAudience(stats.exam, await learnerOf(db, user))) throw httpError(403, 'EXAM_NOT_FOR_YOU');
  }
  return json({ examId: stats.exam.id, ranking: stats.ranking, hidden: stats.rankingHidden, minGroup: MIN_RANKING_GROUP });
});
