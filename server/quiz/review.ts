import 'server-only';
import type { DrawRule, Response, ReviewItem } from '@/lib/quiz/types';
import { parseBasis } from '@/lib/quiz/types';
import type { Db } from '../db/client';
import { httpError } from '../http';
import type { SessionUser } from '../session';
import { answerOf, toPaperQuestion } from './bank';
import { requireExam, toExamSummary } from './exams';

/**
 * A learner's review of their own attempt: only after the exam has closed, and only as much as the admin allowed
 * ('mine': their answers marked right or wrong; 'full': also the key, the explanation and the legal basis). It shows
 * the questions of that attempt's paper only.
 *
 * All exams draw from one exam pool, so a review could give away the keys of questions another exam still asks.
 * The rule: a review waits until every exam that can put any of its questions on a paper (fixed papers that list
 * one, random papers with a draw rule one matches) has closed too. Even 'mine' waits: a true/false answer marked
 * wrong gives its key away.
 */
export interface SharingExam {
  id: string;
  title: string;
  closesAt: string;
}

export async function examsSharingQuestions(db: Db, examId: string, questionIds: string[], now: string): Promise<SharingExam[]> {
  if (questionIds.length === 0) return [];
  const questions = await db.selectFrom('question').select(['id', 'type', 'tags']).where('id', 'in', questionIds).execute();
  const others = await db
    .selectFrom('exam')
    .select(['id', 'title', 'closesAt', 'paperMode', 'questionIds', 'drawRules'])
    .where('id', '!=', examId)
    .where('closesAt', '>', now)
    .execute();
  return others
    .filter((exam) => {
      if (exam.paperMode === 'fixed') {
        const listed = new Set(JSON.parse(exam.questionIds) as string[]);
        return questions.some((q) => listed.has(q.id));
      }
      const rules = JSON.parse(exam.drawRules) as DrawRule[];
      return questions.some((q) =>
        rules.some((r) => r.type === q.type && (r.tag === null || (JSON.parse(q.tags) as string[]).includes(r.tag))),
      );
    })
    .map(({ id, title, closesAt }) => ({ id, title, closesAt }));
}

export async function attemptReview(db: Db, user: SessionUser, attemptId: string): Promise<{ attemptId: string; review: ReviewItem[] }> {
  const attempt = await db.selectFrom('examAttempt').selectAll().where('id', '=', attemptId).executeTakeFirst();
  if (!attempt || attempt.userId !== user.id) throw httpError(404, 'ATTEMPT_NOT_FOUND');
  const exam = toExamSummary(await requireExam(db, attempt.examId));
  if (exam.review === 'none') throw httpError(403, 'REVIEW_NONE');
  if (new Date().toISOString() < exam.closesAt) throw httpError(409, 'REVIEW_AFTER_CLOSE', { at: exam.closesAt });
  const paper = await db.selectFrom('examPaper').select('questionIds').where('id', '=', attempt.paperId).executeTakeFirstOrThrow();
  const ids = JSON.parse(paper.questionIds) as string[];
  const sharing = await examsSharingQuestions(db, exam.id, ids, new Date().toISOString());
  if (sharing.length) {
    const opensAt = sharing
      .map((e) => e.closesAt)
      .sort()
      .at(-1)!;
    throw httpError(409, 'REVIEW_SHARED_QUESTIONS', { at: opensAt });
  }
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
