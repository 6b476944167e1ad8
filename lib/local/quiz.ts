import { uuidv7 } from '@/lib/local/uuid';
import { dailyQuestionIds, localDate } from '@/lib/quiz/daily';
import { isCorrect } from '@/lib/quiz/grade';
import type { LocalDailySet } from '@/lib/quiz/local-types';
import type { PracticeQuestion, Response } from '@/lib/quiz/types';
import { nextWrongBookEntry } from '@/lib/quiz/wrong-book';
import { localDb, type PufaDB } from './db';
import { enqueueOp } from './outbox';

/**
 * Practice on the phone. Answers are checked against the practice key the phone holds, so feedback is immediate
 * offline; each answer also queues a quiz.answer op so the server knows the practice happened.
 */
export type AnswerMode = 'practice' | 'daily' | 'review';

/**
 * Writes: the answer to quizAnswers, the wrong-answer book entry (added, counted, or removed after two right
 * answers), and today's daily set when mode is 'daily'. Queues: quiz.answer. Offline both wait on the phone.
 */
export async function recordPracticeAnswer(
  question: PracticeQuestion,
  response: Response,
  mode: AnswerMode,
  db = localDb(),
): Promise<boolean> {
  const correct = isCorrect(question, response);
  const at = new Date().toISOString();
  await db.transaction('rw', [db.quizAnswers, db.wrongBook, db.dailySets, db.outbox, db.settings], async () => {
    await db.quizAnswers.add({ id: uuidv7(), questionId: question.id, correct, mode, at });
    const entry = nextWrongBookEntry(await db.wrongBook.get(question.id), question.id, correct, at);
    if (entry) await db.wrongBook.put(entry);
    else await db.wrongBook.delete(question.id);
    if (mode === 'daily') {
      const today = await db.dailySets.get(localDate(new Date()));
      if (today?.questionIds.includes(question.id) && !today.answers[question.id]) {
        await db.dailySets.put({ ...today, answers: { ...today.answers, [question.id]: { response, correct } } });
      }
    }
    await enqueueOp(db, 'quiz.answer', { questionId: question.id, response, mode, at }, question.stem.slice(0, 40));
  });
  return correct;
}

/** Today's five questions for this person: drawn once a day from the practice bank and kept, so a reload shows the same set. */
export async function ensureDailySet(userId: string, date: string, db: PufaDB = localDb()): Promise<LocalDailySet | null> {
  return db.transaction('rw', [db.dailySets, db.questions], async () => {
    const existing = await db.dailySets.get(date);
    if (existing) return existing;
    const ids = (await db.questions.toCollection().primaryKeys()) as string[];
    if (ids.length === 0) return null;
    const set: LocalDailySet = { date, questionIds: dailyQuestionIds(ids, userId, date), answers: {} };
    await db.dailySets.put(set);
    return set;
  });
}
