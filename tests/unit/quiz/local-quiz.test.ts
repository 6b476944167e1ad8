import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PufaDB } from '@/lib/local/db';
import { savePaper, startAttempt, saveExamAnswer, submitAttempt } from '@/lib/local/exam';
import { applyAttemptResults } from '@/lib/local/exam-results';
import { ensureDailySet, recordPracticeAnswer } from '@/lib/local/quiz';
import { localDate } from '@/lib/quiz/daily';
import type { ExamSummary, PracticeQuestion } from '@/lib/quiz/types';
import { freshDb, outboxInOrder } from '../local/fresh-db';

let db: PufaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const question = (id: string): PracticeQuestion => ({
  id,
  moduleId: 'xianfa',
  type: 'single',
  stem: `题目 ${id}`,
  options: ['甲', '乙', '丙'],
  answer: [1],
  explanation: '因为……',
  basis: [{ law: '宪法', article: 5 }],
  tags: ['宪法'],
  difficulty: 1,
});

describe('practice on the phone', () => {
  it('keeps a wrong answer in the wrong-answer book until two right answers, queuing one op per answer', async () => {
    const q = question('xianfa-001');
    expect(await recordPracticeAnswer(q, [0], 'practice', db)).toBe(false);
    expect(await db.wrongBook.get(q.id)).toMatchObject({ wrongCount: 1, rightStreak: 0 });
    expect(await recordPracticeAnswer(q, [1], 'review', db)).toBe(true);
    expect(await db.wrongBook.get(q.id)).toMatchObject({ rightStreak: 1 });
    await recordPracticeAnswer(q, [1], 'review', db);
    expect(await db.wrongBook.get(q.id)).toBeUndefined();
    const ops = await outboxInOrder(db);
    expect(ops.map((o) => [o.type, (o.payload as { mode: string }).mode])).toEqual([
      ['quiz.answer', 'practice'],
      ['quiz.answer', 'review'],
      ['quiz.answer', 'review'],
    ]);
  });

  it('draws the same daily set all day and records daily answers in it', async () => {
    await db.questions.bulkPut(Array.from({ length: 12 }, (_, i) => question(`xianfa-${String(i + 1).padStart(3, '0')}`)));
    const today = localDate(new Date());
    const set = await ensureDailySet('user-1', today, db);
    expect(set?.questionIds).toHaveLength(5);
    expect((await ensureDailySet('user-1', today, db))?.questionIds).toEqual(set?.questionIds);
    const first = (await db.questions.get(set!.questionIds[0]!))!;
    await recordPracticeAnswer(first, [2], 'daily', db);
    expect((await db.dailySets.get(today))?.answers[first.id]).toEqual({ response: [2], correct: false });
  });
});

describe('an exam attempt on the phone', () => {
  const exam: ExamSummary = {
    id: 'e1',
    title: '年度考试',
    description: '',
    roles: ['cadre'],
    orgUnitIds: ['org-town'],
    opensAt: '2020-01-01T00:00:00.000Z',
    closesAt: '2099-01-01T00:00:00.000Z',
    timeLimitMinutes: 30,
    passMark: 60,
    maxAttempts: 2,
    countingRule: 'highest',
    review: 'full',
    showRanking: false,
    questionCount: 1,
  };
  const paper = {
    id: '0190a000-0000-7000-8000-000000000001',
    examId: 'e1',
    downloadedAt: new Date().toISOString(),
    questions: [{ id: 'q1', type: 'truefalse' as const, stem: '?', options: [] }],
  };

  it('keeps times in server time, queues one exam.submit, and turns graded when the result is pulled', async () => {
    const phoneNow = Date.now();
    await savePaper({ exam, paper, serverNow: new Date(phoneNow + 60_000).toISOString() }, phoneNow, db);
    const attempt = await startAttempt(paper.id, db);
    expect(new Date(attempt.startedAt).getTime()).toBeGreaterThanOrEqual(phoneNow + 59_000);
    expect((await startAttempt(paper.id, db)).id).toBe(attempt.id);
    await saveExamAnswer(attempt.id, 'q1', true, db);
    await submitAttempt(attempt.id, exam.title, db);
    await saveExamAnswer(attempt.id, 'q1', false, db);
    const [op] = await outboxInOrder(db);
    expect(op).toMatchObject({
      type: 'exam.submit',
      payload: { attemptId: attempt.id, examId: 'e1', paperId: paper.id, answers: { q1: true } },
    });
    expect((await db.examAttempts.get(attempt.id))?.status).toBe('submitted');
    await applyAttemptResults(db, [
      {
        id: attempt.id,
        examId: 'e1',
        paperId: paper.id,
        attemptNo: 1,
        startedAt: attempt.startedAt,
        submittedAt: attempt.startedAt,
        score: 100,
        correctCount: 1,
        questionCount: 1,
        passed: true,
        gradedAt: new Date().toISOString(),
      },
    ]);
    expect(await db.examAttempts.get(attempt.id)).toMatchObject({ status: 'graded', answers: { q1: true }, result: { score: 100 } });
  });
});
