import 'server-only';
import type { Response, ReviewItem } from '@/lib/quiz/types';
import { parseBasis } from '@/lib/quiz/types';
import type { Db } from '../db/client';
import { HttpError } from '../http';
import type { SessionUser } from '../session';
import { answerOf, toPaperQuestion } from './bank';
import { requireExam, toExamSummary } from './exams';

/**
 * A learner's review of their own attempt: only after the exam has closed, and only as much as the admin allowed
 * ('mine': their answers marked right or wrong; 'full': also the key, the explanation and the legal basis).
 */
export async function attemptReview(db: Db, user: SessionUser, attemptId: string): Promise<{ attemptId: string; review: ReviewItem[] }> {
  const attempt = await db.selectFrom('examAttempt').selectAll().where('id', '=', attemptId).executeTakeFirst();
  if (!attempt || attempt.userId !== user.id) throw new HttpError(404, '没有找到这次答卷 / attempt not found');
  const exam = toExamSummary(await requireExam(db, attempt.examId));
  if (exam.review === 'none') throw new HttpError(403, '本场考试不提供答卷回顾 / this exam offers no review');
  if (new Date().toISOString() < exam.closesAt)
    throw new HttpError(409, `考试结束（${exam.closesAt}）后才能回顾 / review opens when the exam closes`);
  const paper = await db.selectFrom('examPaper').select('questionIds').where('id', '=', attempt.paperId).executeTakeFirstOrThrow();
  const ids = JSON.parse(paper.questionIds) as string[];
  const rows = new Map((await db.selectFrom('question').selectAll().where('id', 'in', ids).execute()).map((q) => [q.id, q]));
  const answers = JSON.parse(attempt.answers) as Record<string, Response>;
  const items = new Map((JSON.parse(attempt.items) as { questionId: string; correct: boolean }[]).map((i) => [i.questionId, i.correct]));
  const review = ids.flatMap((id): ReviewItem[] => {
    const q = rows.get(id);
    if (!q) return [];
    const base = { question: toPaperQuestion(q), response: answers[id] ?? null, correct: items.get(id) ?? false };
    return [
      exam.review === 'full'
        ? { ...base, answer: answerOf(q), explanation: q.explanation, basis: (JSON.parse(q.basis) as string[]).map(parseBasis) }
        : base,
    ];
  });
  return { attemptId, review };
}
