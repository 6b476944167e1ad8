import { uuidv7 } from '@/lib/local/uuid';
import type { LocalAttempt } from '@/lib/quiz/local-types';
import { deadlineOf } from '@/lib/quiz/time-rule';
import type { ExamPaper, ExamSummary, Response, ReviewItem } from '@/lib/quiz/types';
import { localDb } from './db';
import { enqueueOp } from './outbox';

/**
 * Formal exams on the phone. A paper (no keys) is downloaded online and kept; the attempt is taken offline, its
 * answers saved as the learner goes; submitting queues exam.submit, which the server grades when it syncs. Times are
 * kept in server time: the phone's clock plus the offset measured when the paper was downloaded.
 */
export async function savePaper(
  issued: { exam: ExamSummary; paper: ExamPaper; serverNow: string },
  phoneNow = Date.now(),
  db = localDb(),
): Promise<void> {
  const clockOffsetMs = new Date(issued.serverNow).getTime() - phoneNow;
  await db.transaction('rw', [db.exams, db.examPapers], async () => {
    await db.exams.put(issued.exam);
    const existing = await db.examPapers.get(issued.paper.id);
    await db.examPapers.put({ ...issued.paper, clockOffsetMs: existing?.clockOffsetMs ?? clockOffsetMs });
  });
}

export function serverNow(offsetMs: number, phoneNow = Date.now()): Date {
  return new Date(phoneNow + offsetMs);
}

/** Writes: a new in-progress attempt for the paper (or returns the one already started). Queues nothing yet. */
export async function startAttempt(paperId: string, db = localDb()): Promise<LocalAttempt> {
  return db.transaction('rw', [db.examPapers, db.examAttempts], async () => {
    const paper = await db.examPapers.get(paperId);
    if (!paper) throw new Error(`paper ${paperId} is not on this phone`);
    const started = await db.examAttempts
      .where('examId')
      .equals(paper.examId)
      .filter((a) => a.paperId === paperId)
      .first();
    if (started) return started;
    const attempt: LocalAttempt = {
      id: uuidv7(),
      examId: paper.examId,
      paperId,
      startedAt: serverNow(paper.clockOffsetMs).toISOString(),
      submittedAt: null,
      answers: {},
      status: 'in-progress',
    };
    await db.examAttempts.add(attempt);
    return attempt;
  });
}

/** Writes: one answer of an in-progress attempt (kept through a reload or a crash). Queues nothing. */
export async function saveExamAnswer(attemptId: string, questionId: string, response: Response, db = localDb()): Promise<void> {
  await db.transaction('rw', [db.examAttempts], async () => {
    const attempt = await db.examAttempts.get(attemptId);
    if (attempt?.status !== 'in-progress') return;
    await db.examAttempts.put({ ...attempt, answers: { ...attempt.answers, [questionId]: response } });
  });
}

/**
 * Writes: the attempt as submitted, at the current server time or at its deadline if that has passed (the phone
 * was closed when time ran out). Queues: exam.submit with every answer. Offline it waits, shown as awaiting grading.
 */
export async function submitAttempt(attemptId: string, label: string, db = localDb()): Promise<void> {
  await db.transaction('rw', [db.examAttempts, db.examPapers, db.exams, db.outbox, db.settings], async () => {
    const attempt = await db.examAttempts.get(attemptId);
    if (attempt?.status !== 'in-progress') return;
    const [paper, exam] = await Promise.all([db.examPapers.get(attempt.paperId), db.exams.get(attempt.examId)]);
    if (!paper || !exam) throw new Error('paper or exam missing on this phone');
    const deadline = deadlineOf(attempt.startedAt, exam.timeLimitMinutes, exam.closesAt);
    const submittedAt = new Date(Math.min(serverNow(paper.clockOffsetMs).getTime(), deadline)).toISOString();
    await db.examAttempts.put({ ...attempt, submittedAt, status: 'submitted' });
    await enqueueOp(
      db,
      'exam.submit',
      { attemptId, examId: attempt.examId, paperId: attempt.paperId, startedAt: attempt.startedAt, submittedAt, answers: attempt.answers },
      label,
    );
  });
}

/** Keeps a fetched review on the phone so it can be read again offline. Queues nothing. */
export async function saveReview(attemptId: string, review: ReviewItem[], db = localDb()): Promise<void> {
  await db.examAttempts.update(attemptId, { review });
}
