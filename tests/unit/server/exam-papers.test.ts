import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateExamInput } from '@/lib/validations/quiz';
import type { DbHandle } from '@/server/db/client';
import { HttpError } from '@/server/http';
import { createExam } from '@/server/quiz/exams';
import { issuePaper } from '@/server/quiz/papers';
import { pushOps } from '@/server/sync/push';
import type { UserSummary } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';
import { personMaker, seedTestTownship } from '../../support/township';

/**
 * Issuing exam papers in process (so mutation testing can see it): who gets a paper, when, how many, and what a
 * paper holds: the exam's questions in order, never a key.
 */
describe.each(testDbKinds)('exam papers on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  let admin: UserSummary;
  let singles: { id: string; stem: string; options: string }[];
  let papers = 100;
  let newUser: ReturnType<typeof personMaker>;

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await seedTestTownship(handle, { questions: true });
    newUser = personMaker(handle, '13900006', '马建军');
    admin = await newUser('org-town', 'admin');
    singles = await handle.db
      .selectFrom('question')
      .select(['id', 'stem', 'options'])
      .where('pool', '=', 'exam')
      .where('type', '=', 'single')
      .orderBy('id')
      .limit(3)
      .execute();
  });
  afterAll(async () => {
    await test?.drop();
  });

  const exam = (over: Partial<CreateExamInput> = {}) =>
    createExam(
      handle,
      {
        title: `试卷 ${papers++}`,
        description: '',
        roles: ['villager'],
        orgUnitIds: ['org-v01'],
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        timeLimitMinutes: 30,
        passMark: 60,
        maxAttempts: 2,
        countingRule: 'highest',
        review: 'full',
        showRanking: true,
        paper: { mode: 'fixed', questionIds: [singles[2]!.id, singles[0]!.id, singles[1]!.id] },
        ...over,
      },
      admin.id,
    );
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );
  async function submit(user: UserSummary, examId: string, paperId: string, startedAt: string) {
    const now = new Date().toISOString();
    const payload = { attemptId: randomUUID(), examId, paperId, startedAt, submittedAt: now, answers: {} };
    const { results } = await pushOps(handle, user.id, {
      deviceId: randomUUID(),
      ops: [{ id: randomUUID(), seq: 1, type: 'exam.submit', payload, createdAt: now }],
    });
    expect(results[0]).toEqual({ id: expect.any(String), status: 'applied' });
  }

  it("hands out the exam's questions in the order set, with stems and options but no key, explanation or basis", async () => {
    const { id } = await exam();
    const learner = await newUser();
    const issued = await issuePaper(handle, learner, id);
    expect(issued.exam.id).toBe(id);
    expect(issued.paper.examId).toBe(id);
    expect(issued.paper.questions.map((q) => q.id)).toEqual([singles[2]!.id, singles[0]!.id, singles[1]!.id]);
    expect(issued.paper.questions[1]).toMatchObject({ stem: singles[0]!.stem, options: JSON.parse(singles[0]!.options) as string[] });
    for (const q of issued.paper.questions) {
      expect(q).not.toHaveProperty('answer');
      expect(q).not.toHaveProperty('explanation');
      expect(q).not.toHaveProperty('basis');
    }
    expect(Math.abs(Date.parse(issued.serverNow) - Date.now())).toBeLessThan(5_000);
    expect(issued.paper.downloadedAt).toBe(issued.serverNow);
    const stored = await handle.db.selectFrom('examPaper').selectAll().where('id', '=', issued.paper.id).executeTakeFirstOrThrow();
    expect({ userId: stored.userId, examId: stored.examId, questionIds: JSON.parse(stored.questionIds) as string[] }).toEqual({
      userId: learner.id,
      examId: id,
      questionIds: [singles[2]!.id, singles[0]!.id, singles[1]!.id],
    });
  });

  it('gives the same unused paper again with its first download time, so downloading again never resets the clock', async () => {
    const { id } = await exam();
    const learner = await newUser();
    const first = await issuePaper(handle, learner, id);
    await new Promise((r) => setTimeout(r, 20));
    const again = await issuePaper(handle, learner, id);
    expect(again.paper.id).toBe(first.paper.id);
    expect(again.paper.downloadedAt).toBe(first.paper.downloadedAt);
    expect(again.serverNow > first.serverNow).toBe(true);
    expect(again.paper.questions.map((q) => q.id)).toEqual(first.paper.questions.map((q) => q.id));
  });

  it('issues a new paper once the last one was submitted, up to the number of attempts and no more', async () => {
    const { id } = await exam({ maxAttempts: 2 });
    const learner = await newUser();
    const first = await issuePaper(handle, learner, id);
    await submit(learner, id, first.paper.id, first.paper.downloadedAt);
    const second = await issuePaper(handle, learner, id);
    expect(second.paper.id).not.toBe(first.paper.id);
    await submit(learner, id, second.paper.id, second.paper.downloadedAt);
    const refused = await refusal(issuePaper(handle, learner, id));
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 409, code: 'ATTEMPTS_USED', params: { max: 2 } });
    const papers = await handle.db.selectFrom('examPaper').select('id').where('examId', '=', id).where('userId', '=', learner.id).execute();
    expect(papers).toHaveLength(2);
  });

  it('lets a one-attempt exam issue exactly one paper', async () => {
    const { id } = await exam({ maxAttempts: 1 });
    const learner = await newUser();
    const only = await issuePaper(handle, learner, id);
    await submit(learner, id, only.paper.id, only.paper.downloadedAt);
    expect(await refusal(issuePaper(handle, learner, id))).toMatchObject({
      status: 409,
      code: 'ATTEMPTS_USED',
      params: { max: 1 },
    });
  });

  it('refuses anyone outside the audience with 403: another role, another village', async () => {
    const { id } = await exam();
    for (const outsider of [await newUser('org-v01', 'cadre'), await newUser('org-v02', 'villager')]) {
      const refused = await refusal(issuePaper(handle, outsider, id));
      expect(refused).toBeInstanceOf(HttpError);
      expect(refused).toMatchObject({ status: 403, code: 'EXAM_NOT_FOR_YOU' });
    }
    const none = await handle.db.selectFrom('examPaper').select('id').where('examId', '=', id).execute();
    expect(none).toEqual([]);
  });

  it('refuses before the window opens (saying when) and after it closes, and writes no paper', async () => {
    const opensAt = new Date(Date.now() + 60_000).toISOString();
    const early = await exam({ opensAt, closesAt: new Date(Date.now() + 3600_000).toISOString() });
    const learner = await newUser();
    expect(await refusal(issuePaper(handle, learner, early.id))).toMatchObject({
      status: 409,
      code: 'EXAM_NOT_OPEN',
      params: { at: opensAt },
    });
    const late = await exam();
    await handle.db
      .updateTable('exam')
      .set({ closesAt: new Date(Date.now() - 1).toISOString() })
      .where('id', '=', late.id)
      .execute();
    expect(await refusal(issuePaper(handle, learner, late.id))).toMatchObject({ status: 409, code: 'EXAM_CLOSED' });
    const none = await handle.db.selectFrom('examPaper').select('id').where('examId', 'in', [early.id, late.id]).execute();
    expect(none).toEqual([]);
  });

  describe('at the exact edges of the window (the clock held there)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it('is open at the very instant it opens, and closed at the very instant it closes', async () => {
      const opensAt = new Date(Date.now() + 60_000).toISOString();
      const closesAt = new Date(Date.now() + 120_000).toISOString();
      const { id } = await exam({ opensAt, closesAt });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(opensAt));
      const first = await issuePaper(handle, await newUser(), id);
      expect(first.paper.downloadedAt).toBe(opensAt);
      vi.setSystemTime(new Date(closesAt));
      expect(await refusal(issuePaper(handle, await newUser(), id))).toMatchObject({
        status: 409,
        code: 'EXAM_CLOSED',
      });
    });
  });

  it('draws a random paper by its rules, and the same paper comes back on the next download', async () => {
    const { id } = await exam({ paper: { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 4 }] } });
    const learner = await newUser();
    const issued = await issuePaper(handle, learner, id);
    expect(issued.paper.questions).toHaveLength(4);
    expect(new Set(issued.paper.questions.map((q) => q.type))).toEqual(new Set(['truefalse']));
    expect(new Set(issued.paper.questions.map((q) => q.id)).size).toBe(4);
    expect((await issuePaper(handle, learner, id)).paper.questions).toEqual(issued.paper.questions);
  });
});
