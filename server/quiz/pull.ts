import 'server-only';
import type { AttemptResult, QuizPullChanges } from '@/lib/quiz/types';
import { isRole } from '@/lib/roles';
import type { Db } from '../db/client';
import type { Selectable } from 'kysely';
import type { ExamAttemptTable } from '../db/schema';
import { toPracticeQuestion } from './bank';
import { inAudience, learnerOf, toExamSummary } from './exams';

/**
 * The quiz's part of a pull: practice questions with their keys (never exam-pool questions), the exams whose
 * audience includes the person (no questions), and the person's own graded attempts (scores, no keys).
 */
export function toAttemptResult(a: Selectable<ExamAttemptTable>): AttemptResult {
  return {
    id: a.id,
    examId: a.examId,
    paperId: a.paperId,
    attemptNo: a.attemptNo,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    score: Number(a.score),
    correctCount: a.correctCount,
    questionCount: a.questionCount,
    passed: Boolean(a.passed),
    gradedAt: a.receivedAt,
  };
}

export async function pullQuizChanges(db: Db, userId: string, cursor: number, upTo: number): Promise<QuizPullChanges> {
  const user = await db.selectFrom('user').select(['id', 'role', 'orgUnitId']).where('id', '=', userId).executeTakeFirstOrThrow();
  const learner = await learnerOf(db, { id: user.id, role: isRole(user.role) ? user.role : 'villager', orgUnitId: user.orgUnitId });
  const [questions, exams, attempts] = await Promise.all([
    db
      .selectFrom('question')
      .selectAll()
      .where('pool', '=', 'practice')
      .where('status', '=', 'published')
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .orderBy('id')
      .execute(),
    db.selectFrom('exam').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).execute(),
    db
      .selectFrom('examAttempt')
      .selectAll()
      .where('userId', '=', userId)
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .execute(),
  ]);
  return {
    questions: questions.map(toPracticeQuestion),
    exams: exams.map(toExamSummary).filter((e) => inAudience(e, learner)),
    attempts: attempts.map(toAttemptResult),
  };
}
