import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { drawQuestions, seededRandom } from '@/lib/quiz/draw';
import type { DrawRule, ExamPaper, ExamSummary } from '@/lib/quiz/types';
import { writeTransaction, type DbHandle, type Trx } from '../db/client';
import { httpError } from '../http';
import type { SessionUser } from '../session';
import { toPaperQuestion } from './bank';
import { examPool, inAudience, learnerOf, requireExam, toExamSummary } from './exams';

/**
 * Issues a learner's exam paper: the questions without keys, explanations or legal basis. A learner holds at most
 * one unused paper per exam: asking again returns the same paper with its original download time, so downloading
 * again never resets the clock. A new paper is issued only after the previous one's attempt reached the server.
 */
export interface IssuedPaper {
  exam: ExamSummary;
  paper: ExamPaper;
  /** The server's clock, so the phone can keep attempt times in server time. */
  serverNow: string;
}

async function questionsFor(trx: Trx, ids: string[]) {
  const rows = await trx.selectFrom('question').select(['id', 'type', 'stem', 'options']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPaperQuestion(row)] : [];
  });
}

export async function issuePaper(handle: DbHandle, user: SessionUser, examId: string): Promise<IssuedPaper> {
  return writeTransaction(handle, (trx) => issuePaperIn(trx, handle.kind, user, examId, new Date().toISOString()));
}

/**
 * issuePaper inside a write transaction, at the given server time: what the route does, and what the demo year does
 * at a past moment (server/reports/demo-year.ts). `paperId` fixes a new paper's id (the demo's are fixed).
 */
export async function issuePaperIn(
  trx: Trx,
  dbKind: DbHandle['kind'],
  user: Pick<SessionUser, 'id' | 'role' | 'orgUnitId'>,
  examId: string,
  now: string,
  paperId: string = uuidv7(),
): Promise<IssuedPaper> {
  // One paper at a time per learner and exam, across app servers: SQLite's write transaction already holds the
  // database's one write lock (BEGIN IMMEDIATE); on PostgreSQL a transaction-scoped advisory lock does the same.
  // (mutation testing: the mutants of this condition survive a SQLite-only run; exam-integrity.test.ts's racing
  // downloads kill them when TEST_DATABASE_URL adds PostgreSQL)
  if (dbKind === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`examPaper:${examId}:${user.id}`}, 0))`.execute(trx);
  const row = await requireExam(trx, examId);
  const exam = toExamSummary(row);
  if (!inAudience(exam, await learnerOf(trx, user))) throw httpError(403, 'EXAM_NOT_FOR_YOU');
  if (now < exam.opensAt) throw httpError(409, 'EXAM_NOT_OPEN', { at: exam.opensAt });
  if (now >= exam.closesAt) throw httpError(409, 'EXAM_CLOSED');
  const papers = await trx
    .selectFrom('examPaper')
    .leftJoin('examAttempt', 'examAttempt.paperId', 'examPaper.id')
    .select(['examPaper.id', 'examPaper.questionIds', 'examPaper.downloadedAt', 'examAttempt.id as attemptId'])
    .where('examPaper.examId', '=', examId)
    .where('examPaper.userId', '=', user.id)
    .execute();
  const unused = papers.find((p) => p.attemptId === null);
  // (mutation testing: `+` for `-` here survives as an equivalent: `used` is read only when there is no unused paper)
  const used = papers.length - (unused ? 1 : 0);
  if (!unused && used >= exam.maxAttempts) throw httpError(409, 'ATTEMPTS_USED', { max: exam.maxAttempts });
  let paper = unused
    ? { id: unused.id, questionIds: JSON.parse(unused.questionIds) as string[], downloadedAt: unused.downloadedAt }
    : undefined;
  if (!paper) {
    const id = paperId;
    const questionIds =
      row.paperMode === 'fixed'
        ? (JSON.parse(row.questionIds) as string[])
        : drawQuestions(await examPool(trx), JSON.parse(row.drawRules) as DrawRule[], seededRandom(id));
    paper = { id, questionIds, downloadedAt: now };
    await trx
      .insertInto('examPaper')
      .values({ id, examId, userId: user.id, questionIds: JSON.stringify(questionIds), downloadedAt: now })
      .execute();
  }
  return {
    exam,
    paper: { id: paper.id, examId, downloadedAt: paper.downloadedAt, questions: await questionsFor(trx, paper.questionIds) },
    serverNow: now,
  };
}
