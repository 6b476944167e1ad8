import { MIN_RANKING_GROUP } from '@/lib/constants';
import { ready } from '@/server/db';
import { HttpError, handle, json, requireUser } from '@/server/http';
import { inAudience, learnerOf } from '@/server/quiz/exams';
import { parseId } from '@/server/quiz/params';
import { examStats } from '@/server/quiz/stats';

/** The village ranking of an exam (averages and participation, never names): admins, and learners when allowed. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(request);
  const { db } = await ready();
  const stats = await examStats(db, parseId((await params).id));
  if (user.role !== 'admin') {
    if (!stats.exam.showRanking) throw new HttpError(403, '本场考试不公开排名 / this exam does not show its ranking');
    if (!inAudience(stats.exam, await learnerOf(db, user))) throw new HttpError(403, '这场考试不面向您 / this exam is not for you');
  }
  return json({ examId: stats.exam.id, ranking: stats.ranking, hidden: stats.rankingHidden, minGroup: MIN_RANKING_GROUP });
});
