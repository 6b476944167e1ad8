import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from '@/lib/quiz/types';
import type { CreateExamInput } from '@/lib/validations/quiz';
import type { DbHandle } from '@/server/db/client';
import { createExam } from '@/server/quiz/exams';
import { issuePaper } from '@/server/quiz/papers';
import { examStats } from '@/server/quiz/stats';
import { pushOps } from '@/server/sync/push';
import type { UserSummary } from '@/server/users';
import { freshTestDb, testDbKinds, type TestDb } from '../../support/test-db';
import { personMaker, seedTestTownship } from '../../support/township';

/**
 * An exam's statistics from a fixture whose every figure is worked by hand: five learners in two villages sit a
 * four-question paper (25 points a question, pass mark 60), one of them twice. Right answers per counted attempt:
 *   A (东山村) first 4 of 4 (100), then, later, only q1 (25): under 'last' the 25 counts, under 'highest' the 100
 *   B (东山村) q1 q2 q3 (75, passes)   C (西川村) q1 q2 (50)   D (西川村) all (100, passes)   E (西川村) none (0)
 * Facility: q1 4/5, q2 3/5, q3 2/5, q4 1/5. Discrimination (item against the rest of the test, Pearson):
 *   q1 item 1,1,1,1,0 rest 0,2,1,3,0: Sxy 1.2, Sxx 0.8, Syy 6.8 → 3/√34; q4 is the same by symmetry;
 *   q2 item 0,1,1,1,0 rest 1,2,1,3,0: Sxy 1.8, Sxx 1.2, Syy 5.2 → 9/(2√39); q3 the same by symmetry.
 */
describe.each(testDbKinds)('exam statistics on %s', (kind) => {
  let test: TestDb;
  let handle: DbHandle;
  let admin: UserSummary;
  let q: { id: string; answer: Response }[];
  let newUser: ReturnType<typeof personMaker>;

  beforeAll(async () => {
    test = await freshTestDb(kind);
    handle = test.handle;
    await seedTestTownship(handle, { questions: true });
    newUser = personMaker(handle, '13900004', '马玉兰');
    admin = await newUser('org-town', 'admin');
    const rows = await handle.db
      .selectFrom('question')
      .select(['id', 'answer'])
      .where('pool', '=', 'exam')
      .where('type', '=', 'single')
      .orderBy('id')
      .limit(4)
      .execute();
    q = rows.map((r) => ({ id: r.id, answer: JSON.parse(r.answer) as Response }));
  });
  afterAll(async () => {
    await test?.drop();
  });

  const createFixedExam = (countingRule: CreateExamInput['countingRule']) =>
    createExam(
      handle,
      {
        title: `统计（${countingRule}）`,
        description: '',
        roles: ['villager'],
        orgUnitIds: ['org-town'],
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        timeLimitMinutes: 30,
        passMark: 60,
        maxAttempts: 3,
        countingRule,
        review: 'full',
        showRanking: true,
        paper: { mode: 'fixed', questionIds: q.map((x) => x.id) },
      },
      admin.id,
    );

  /** Sits the exam answering right exactly the questions at `right` (0-based), leaving the others unanswered. */
  async function sit(user: UserSummary, examId: string, right: number[], laterMs = 0) {
    const { paper } = await issuePaper(handle, user, examId);
    const submittedAt = new Date(Date.now() + laterMs).toISOString();
    const answers = Object.fromEntries(right.map((i) => [q[i]!.id, q[i]!.answer]));
    const payload = { attemptId: randomUUID(), examId, paperId: paper.id, startedAt: paper.downloadedAt, submittedAt, answers };
    const { results } = await pushOps(handle, user.id, {
      deviceId: randomUUID(),
      ops: [{ id: randomUUID(), seq: 1, type: 'exam.submit', payload, createdAt: submittedAt }],
    });
    expect(results[0]).toEqual(expect.objectContaining({ status: 'applied' }));
  }

  async function fixture(countingRule: CreateExamInput['countingRule']) {
    const { id } = await createFixedExam(countingRule);
    const [a, b, c, d, e] = [
      await newUser('org-v01'),
      await newUser('org-v01'),
      await newUser('org-v02'),
      await newUser('org-v02'),
      await newUser('org-v02'),
    ];
    await sit(a!, id, [0, 1, 2, 3]);
    await sit(a!, id, [0], 1000);
    await sit(b!, id, [0, 1, 2]);
    await sit(c!, id, [0, 1]);
    await sit(d!, id, [0, 1, 2, 3]);
    await sit(e!, id, []);
    return examStats(handle.db, id);
  }

  it('counts the last attempt when the exam says so: pass rate, average, distribution and item analysis are exact', async () => {
    const stats = await fixture('last');
    // the audience grows with every fixture (all villagers of the township): count only this fixture's figures
    expect({
      participants: stats.participants,
      attempts: stats.attempts,
      passed: stats.passed,
      averageScore: stats.averageScore,
    }).toEqual({ participants: 5, attempts: 6, passed: 2, averageScore: 50 });
    expect(stats.passed / stats.participants).toBe(0.4);
    //                              0-9 10-19 20-29 30-39 40-49 50-59 60-69 70-79 80-89 90-100
    expect(stats.distribution).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    const byId = new Map(stats.questions.map((s) => [s.questionId, s]));
    expect(q.map((x) => byId.get(x.id)?.facility)).toEqual([0.8, 0.6, 0.4, 0.2]);
    expect(q.map((x) => byId.get(x.id)?.attempts)).toEqual([5, 5, 5, 5]);
    const discrimination = q.map((x) => byId.get(x.id)?.discrimination ?? NaN);
    const expected = [3 / Math.sqrt(34), 9 / (2 * Math.sqrt(39)), 9 / (2 * Math.sqrt(39)), 3 / Math.sqrt(34)];
    discrimination.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 12));
    expect(stats.byUnit.filter((r) => r.level === 'village').map((r) => [r.name, r.participants, r.passed, r.averageScore])).toEqual([
      ['东山村', 2, 1, 50],
      ['西川村', 3, 1, 50],
    ]);
    expect(stats.ranking.map((r) => [r.name, r.averageScore])).toEqual([['西川村', 50]]);
    expect(stats.rankingHidden).toBe(1);
  });

  it('counts the best attempt under the highest rule: the same sittings give one more pass and a higher average', async () => {
    const stats = await fixture('highest');
    expect({ participants: stats.participants, attempts: stats.attempts, passed: stats.passed, averageScore: stats.averageScore }).toEqual({
      participants: 5,
      attempts: 6,
      passed: 3,
      averageScore: 65,
    });
    expect(stats.distribution).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 2]);
    const byId = new Map(stats.questions.map((s) => [s.questionId, s]));
    expect(q.map((x) => byId.get(x.id)?.facility)).toEqual([0.8, 0.8, 0.6, 0.4]);
    expect(stats.byUnit.find((r) => r.name === '东山村')).toMatchObject({ participants: 2, passed: 2, averageScore: 87.5 });
  });
});
