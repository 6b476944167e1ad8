import type { QuizPullChanges } from '@/lib/quiz/types';
import type { PufaDB } from './db';
import { applyAttemptResults } from './exam-results';

/** The quiz's share of a pull and of a sign-out, kept here so the sync and session modules stay small. */
export function quizPullTables(db: PufaDB) {
  return [db.questions, db.exams, db.examAttempts];
}

/** Runs inside the pull's transaction: practice bank, exams for this person, graded attempts. */
export async function applyQuizChanges(db: PufaDB, data: Partial<QuizPullChanges>): Promise<number> {
  await db.questions.bulkPut(data.questions ?? []);
  await db.exams.bulkPut(data.exams ?? []);
  await applyAttemptResults(db, data.attempts ?? []);
  return (data.questions?.length ?? 0) + (data.exams?.length ?? 0) + (data.attempts?.length ?? 0);
}

/** Another person signing in on this phone must not see this person's answers, wrong-answer book or papers. */
export function quizPersonalTables(db: PufaDB) {
  return [db.quizAnswers, db.wrongBook, db.dailySets, db.exams, db.examPapers, db.examAttempts];
}

export async function clearQuizPersonalData(db: PufaDB): Promise<void> {
  for (const table of quizPersonalTables(db)) await table.clear();
}
