import 'server-only';
import { gradeAttempt, isCorrect } from '@/lib/quiz/grade';
import { checkAttemptTiming, TIMING_CODES } from '@/lib/quiz/time-rule';
import { OpRejected, requireSaneTime, type ApplyFn } from '../sync/registry';
import { answerOf } from './bank';
import { toExamSummary } from './exams';

/**
 * The quiz's operations. A practice answer is graded here again (the server is the judge) and kept as a record of
 * practice activity. A formal exam attempt is checked against its paper, the attempt limit and the time rule
 * (lib/quiz/time-rule.ts), then graded from the keys only the server holds.
 */
const answer: ApplyFn<'quiz.answer'> = async (ctx, p) => {
  requireSaneTime(ctx, p.at);
  const question = await ctx.trx
    .selectFrom('question')
    .select(['type', 'answer', 'pool'])
    .where('id', '=', p.questionId)
    .executeTakeFirst();
  if (!question) throw new OpRejected('QUESTION_NOT_FOUND', { id: p.questionId });
  if (question.pool !== 'practice') throw new OpRejected('NOT_PRACTICE_QUESTION', { id: p.questionId });
  await ctx.trx
    .insertInto('quizAnswer')
    .values({
      id: ctx.opId,
      userId: ctx.userId,
      questionId: p.questionId,
      mode: p.mode,
      correct: isCorrect({ type: question.type, answer: answerOf(question) }, p.response),
      answeredAt: p.at,
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
    })
    .execute();
};

const submit: ApplyFn<'exam.submit'> = async (ctx, p) => {
  const { trx } = ctx;
  requireSaneTime(ctx, p.startedAt, 'startedAt');
  requireSaneTime(ctx, p.submittedAt, 'submittedAt');
  const existing = await trx.selectFrom('examAttempt').select(['userId']).where('id', '=', p.attemptId).executeTakeFirst();
  if (existing?.userId === ctx.userId) return; // the same attempt sent again under a new op id: it counts once
  if (existing) throw new OpRejected('ATTEMPT_ID_TAKEN');
  const row = await trx.selectFrom('exam').selectAll().where('id', '=', p.examId).executeTakeFirst();
  if (!row) throw new OpRejected('EXAM_NOT_FOUND', { id: p.examId });
  const exam = toExamSummary(row);
  const paper = await trx.selectFrom('examPaper').selectAll().where('id', '=', p.paperId).executeTakeFirst();
  if (!paper || paper.userId !== ctx.userId || paper.examId !== p.examId) throw new OpRejected('PAPER_NOT_YOURS');
  if (await trx.selectFrom('examAttempt').select('id').where('paperId', '=', p.paperId).executeTakeFirst())
    throw new OpRejected('PAPER_ALREADY_SUBMITTED');
  const onPaper = JSON.parse(paper.questionIds) as string[];
  const stray = Object.keys(p.answers).filter((id) => !onPaper.includes(id));
  if (stray.length) throw new OpRejected('ANSWERS_OFF_PAPER', { ids: stray.join(', ') });
  const done = await trx
    .selectFrom('examAttempt')
    .select('attemptNo')
    .where('examId', '=', p.examId)
    .where('userId', '=', ctx.userId)
    .execute();
  if (done.length >= exam.maxAttempts) throw new OpRejected('ATTEMPTS_USED', { max: exam.maxAttempts });
  const violation = checkAttemptTiming({
    ...p,
    downloadedAt: paper.downloadedAt,
    receivedAt: ctx.now,
    opensAt: exam.opensAt,
    closesAt: exam.closesAt,
    timeLimitMinutes: exam.timeLimitMinutes,
  });
  if (violation) throw new OpRejected(TIMING_CODES[violation]);

  const keys = await trx.selectFrom('question').select(['id', 'type', 'answer']).where('id', 'in', onPaper).execute();
  const byId = new Map(keys.map((k) => [k.id, { id: k.id, type: k.type, answer: answerOf(k) }]));
  const graded = gradeAttempt(
    onPaper.flatMap((id) => byId.get(id) ?? []),
    p.answers,
  );
  await trx
    .insertInto('examAttempt')
    .values({
      id: p.attemptId,
      examId: p.examId,
      userId: ctx.userId,
      paperId: p.paperId,
      attemptNo: done.length + 1,
      startedAt: p.startedAt,
      submittedAt: p.submittedAt,
      receivedAt: ctx.now,
      answers: JSON.stringify(p.answers),
      items: JSON.stringify(graded.items),
      score: graded.score,
      correctCount: graded.correctCount,
      questionCount: graded.questionCount,
      passed: graded.score >= exam.passMark,
      changeSeq: ctx.changeSeq,
    })
    .execute();
};

export const quizOps = { 'quiz.answer': answer, 'exam.submit': submit };
