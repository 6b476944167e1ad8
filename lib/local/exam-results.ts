import type { AttemptResult } from '@/lib/quiz/types';
import type { PufaDB } from './db';

// Kept apart from exam.ts so the sync loop, which every page loads, doesn't pull in the op schemas (zod).
/** Folds graded attempts from a pull into the phone's attempts (run inside the pull's transaction). */
export async function applyAttemptResults(db: PufaDB, results: readonly AttemptResult[]): Promise<void> {
  for (const result of results) {
    const local = await db.examAttempts.get(result.id);
    await db.examAttempts.put({
      ...(local ?? { id: result.id, examId: result.examId, paperId: result.paperId, startedAt: result.startedAt, answers: {} }),
      submittedAt: result.submittedAt,
      status: 'graded',
      result,
    });
  }
}
