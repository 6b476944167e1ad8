import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExamInput } from '@/lib/validations/quiz';
import { loadShippedContent } from '@/server/content';
import type { DbHandle } from '@/server/db/client';
import { HttpError } from '@/server/http';
import { createOrgUnit } from '@/server/org';
import { loadShippedQuestions } from '@/server/quiz/bank';
import { createExam } from '@/server/quiz/exams';
import { issuePaper } from '@/server/quiz/papers';
import { attemptReview } from '@/server/quiz/review';
import { examStats } from '@/server/quiz/stats';
import { pushOps } from '@/server/sync/push';
import { createUser, type UserSummary } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';

/**
 * Exams on SQLite and PostgreSQL: one paper per learner and exam however many downloads race (two app servers on
 * PostgreSQL), reviews that give no keys away while another exam still asks those questions, and a ranking that
 * never shows a village with fewer than three participants.
 */
describe.each(testDbKinds)('exams on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  let admin: UserSummary;
  let pool: { id: string; type: 'single' | 'multiple' | 'truefalse'; tags: string }[];
  let phone = 100;

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
    for (const [id, name] of [
      ['org-v01', '东山村'],
      ['org-v02', '西川村'],
    ] as const)
      await createOrgUnit(handle.db, { id, parentId: 'org-town', name, level: 'village' });
    await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
    await loadShippedQuestions(handle, path.resolve(process.cwd(), 'content'));
    admin = await newUser('org-town', 'admin');
    pool = await handle.db.selectFrom('question').select(['id', 'type', 'tags']).where('pool', '=', 'exam').orderBy('id').execute();
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function newUser(orgUnitId = 'org-v01', role: 'admin' | 'villager' = 'villager'): Promise<UserSummary> {
    return createUser(handle.db, {
      phone: `13900003${phone++}`,
      name: '李春花',
      password: 'Pufa-demo-2026',
      role,
      orgUnitId,
      legalLiterate: false,
      legalLiterateSince: null,
    });
  }
  const exam = (title: string, paper: CreateExamInput['paper'], over: Partial<CreateExamInput> = {}) =>
    createExam(
      handle,
      {
        title,
        description: '',
        roles: ['villager'],
        orgUnitIds: ['org-town'],
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        timeLimitMinutes: 30,
        passMark: 60,
        maxAttempts: 3,
        countingRule: 'highest',
        review: 'full',
        showRanking: true,
        paper,
        ...over,
      },
      admin.id,
    );
  const close = (examId: string) =>
    handle.db
      .updateTable('exam')
      .set({ closesAt: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', examId)
      .execute();
  async function sit(user: UserSummary, examId: string, answers: Record<string, unknown> = {}) {
    const { paper } = await issuePaper(handle, user, examId);
    const attemptId = randomUUID();
    const now = new Date().toISOString();
    const payload = { attemptId, examId, paperId: paper.id, startedAt: paper.downloadedAt, submittedAt: now, answers };
    const { results } = await pushOps(handle, user.id, {
      deviceId: randomUUID(),
      ops: [{ id: randomUUID(), seq: 1, type: 'exam.submit', payload, createdAt: now }],
    });
    expect(results[0]!.status).toBe('applied');
    return { attemptId, paper };
  }
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('issues one paper to a learner however many downloads race, across two app servers', async () => {
    const learner = await newUser();
    const { id } = await exam('并发下载', { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 3 }] });
    // SQLite serialises writers in one process through its one connection; PostgreSQL gets two pools, like two servers.
    const second = kind === 'postgres' ? test.open() : handle;
    // Open every pooled connection first, so the downloads really run at once rather than one per new connection.
    if (kind === 'postgres')
      await Promise.all([handle, second].flatMap((h) => Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(h.db))));
    const issued = await Promise.all(Array.from({ length: 10 }, (_, i) => issuePaper(i % 2 ? second : handle, learner, id)));
    const papers = await handle.db.selectFrom('examPaper').select('id').where('examId', '=', id).where('userId', '=', learner.id).execute();
    expect(papers).toHaveLength(1);
    expect(new Set(issued.map((p) => p.paper.id))).toEqual(new Set([papers[0]!.id]));
  });

  it('holds a review until every exam that can ask its questions has closed, then shows that paper only', async () => {
    const [a, b, c] = pool.filter((q) => q.type === 'single');
    const first = await exam('第一场', { mode: 'fixed', questionIds: [a!.id, b!.id] });
    const second = await exam('第二场（固定题）', { mode: 'fixed', questionIds: [b!.id, c!.id] });
    const learner = await newUser();
    const { attemptId } = await sit(learner, first.id, { [a!.id]: [0] });
    await close(first.id);

    const held = await refusal(attemptReview(handle.db, learner, attemptId));
    expect(held).toBeInstanceOf(HttpError);
    expect(held).toMatchObject({ status: 409, code: 'REVIEW_SHARED_QUESTIONS', params: { at: second.closesAt } });

    await close(second.id);
    // A random paper whose draw rule a question matches holds the review too.
    const tag = (JSON.parse(a!.tags) as string[])[0]!;
    const drawn = await exam('第三场（随机）', { mode: 'random', rules: [{ tag, type: 'single', count: 1 }] });
    expect(await refusal(attemptReview(handle.db, learner, attemptId))).toMatchObject({
      status: 409,
      code: 'REVIEW_SHARED_QUESTIONS',
      params: { at: drawn.closesAt },
    });

    await close(drawn.id);
    const { review } = await attemptReview(handle.db, learner, attemptId);
    expect(review.map((r) => r.question.id)).toEqual([a!.id, b!.id]);
    expect(review[0]).toHaveProperty('answer');
  });

  it('does not hold a review for an exam that shares no question with it', async () => {
    const singles = pool.filter((q) => q.type === 'single');
    const only = await exam('独立考试', { mode: 'fixed', questionIds: [singles[5]!.id] });
    await exam('判断题考试', { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 2 }] });
    const learner = await newUser();
    const { attemptId } = await sit(learner, only.id);
    await close(only.id);
    expect((await attemptReview(handle.db, learner, attemptId)).review).toHaveLength(1);
  });

  it('leaves a village with fewer than three participants out of the ranking and counts it', async () => {
    const { id } = await exam('排名', { mode: 'fixed', questionIds: [pool[0]!.id] }, { maxAttempts: 1 });
    await sit(await newUser('org-v01'), id);
    for (let i = 0; i < 3; i++) await sit(await newUser('org-v02'), id);
    const stats = await examStats(handle.db, id);
    expect(stats.ranking.map((r) => [r.name, r.participants])).toEqual([['西川村', 3]]);
    expect(stats.rankingHidden).toBe(1);
    expect(stats.byUnit.find((r) => r.name === '东山村')?.participants).toBe(1);
  });
});
