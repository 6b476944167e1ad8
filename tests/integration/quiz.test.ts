import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login, startPeerServer, startTestServer, type TestServer } from './support/server';

/** Quizzes and exams over HTTP against the production server, on SQLite and on PostgreSQL. */
const DEMO_EXAM = 'exam-demo-annual';
type Json = Record<string, unknown>;
interface Paper {
  id: string;
  downloadedAt: string;
  questions: { id: string; type: string; stem: string; options: string[] }[];
}

describe.each(dbKinds)('quizzes and exams on %s', (kind) => {
  let server: TestServer;
  let cadre: string;
  let villager: string;
  let admin: string;
  let seq = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [cadre, villager, admin] = await Promise.all([
      login(server.url, '13800000003'),
      login(server.url, '13800000004'),
      login(server.url, '13800000001'),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (cookie: string, path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
  const post = (cookie: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const op = (type: string, payload: unknown) => ({ id: uuidv7(), seq: ++seq, type, payload, createdAt: new Date().toISOString() });
  const push = async (cookie: string, ops: unknown[], deviceId = uuidv7()) =>
    (await (await post(cookie, '/api/sync/push', { deviceId, ops })).json()) as { results: { status: string; reason?: string }[] };
  const paperFor = async (cookie: string, examId: string) => {
    const res = await post(cookie, `/api/exams/${examId}/paper`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { paper: Paper }).paper;
  };
  const keysOf = async (ids: string[]) => {
    const rows = await server.db.db.selectFrom('question').select(['id', 'answer']).where('id', 'in', ids).execute();
    return Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.answer) as number[] | boolean]));
  };
  const submitOp = (examId: string, paper: Paper, answers: Json, times: { startedAt?: string; submittedAt?: string } = {}) =>
    op('exam.submit', {
      attemptId: uuidv7(),
      examId,
      paperId: paper.id,
      startedAt: times.startedAt ?? paper.downloadedAt,
      submittedAt: times.submittedAt ?? new Date().toISOString(),
      answers,
    });
  const createExam = async (over: Json = {}) => {
    const now = Date.now();
    const res = await post(admin, '/api/exams', {
      title: '测试考试',
      roles: ['cadre'],
      orgUnitIds: ['org-town'],
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 3600_000).toISOString(),
      timeLimitMinutes: 30,
      passMark: 60,
      maxAttempts: 1,
      countingRule: 'last',
      review: 'full',
      paper: { mode: 'random', rules: [{ tag: null, type: 'truefalse', count: 3 }] },
      ...over,
    });
    return { status: res.status, body: (await res.json()) as { exam: { id: string }; error?: string } };
  };

  it('never sends an exam answer key, explanation or basis to a learner before the attempt is submitted', async () => {
    const examPool = await server.db.db.selectFrom('question').select(['id', 'explanation', 'answer']).where('pool', '=', 'exam').execute();
    const pull = await (await get(cadre, '/api/sync/pull?cursor=0')).json();
    const pulled = JSON.stringify(pull);
    const practice = await server.db.db.selectFrom('question').select('id').where('pool', '=', 'practice').execute();
    expect(pull.questions.length).toBe(practice.length);
    expect(practice.length).toBeGreaterThan(examPool.length);
    expect(pull.questions[0]).toHaveProperty('answer');
    expect(pull.exams.map((e: { id: string }) => e.id)).toContain(DEMO_EXAM);
    expect(pull.exams[0]).not.toHaveProperty('questionIds');
    for (const q of examPool) {
      expect(pulled).not.toContain(`"${q.id}"`);
      expect(pulled).not.toContain(q.explanation);
    }

    const res = await post(cadre, `/api/exams/${DEMO_EXAM}/paper`);
    const text = await res.text();
    const { paper } = JSON.parse(text) as { paper: Paper };
    expect(paper.questions).toHaveLength(10);
    for (const q of paper.questions) expect(Object.keys(q).sort()).toEqual(['id', 'options', 'stem', 'type']);
    expect(text).not.toMatch(/"(answer|explanation|basis)"/);
    for (const q of examPool.filter((x) => paper.questions.some((p) => p.id === x.id))) expect(text).not.toContain(q.explanation);

    const again = await paperFor(cadre, DEMO_EXAM);
    expect(again).toEqual(paper);
    expect((await get(cadre, `/api/exams/${DEMO_EXAM}/stats`)).status).toBe(403);
    expect((await post(villager, `/api/exams/${DEMO_EXAM}/paper`)).status).toBe(403);
  });

  it('grades an attempt on the server and counts it once when it is pushed twice, even under a new op id', async () => {
    const paper = await paperFor(cadre, DEMO_EXAM);
    const submit = submitOp(DEMO_EXAM, paper, await keysOf(paper.questions.map((q) => q.id)));
    const deviceId = uuidv7();
    expect((await push(cadre, [submit], deviceId)).results[0]).toEqual({ id: submit.id, status: 'applied' });
    expect((await push(cadre, [submit], deviceId)).results[0]!.status).toBe('duplicate');
    expect((await push(cadre, [{ ...submit, id: uuidv7(), seq: ++seq }], deviceId)).results[0]!.status).toBe('applied');
    const rows = await server.db.db
      .selectFrom('examAttempt')
      .select(['score', 'passed', 'attemptNo'])
      .where('paperId', '=', paper.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.score)).toBe(100);

    const pull = await (await get(cadre, '/api/sync/pull?cursor=0')).json();
    const attempt = pull.attempts.find((a: { paperId: string }) => a.paperId === paper.id);
    expect(attempt).toMatchObject({ score: 100, passed: true, correctCount: 10, questionCount: 10, attemptNo: 1 });
    expect(JSON.stringify(attempt)).not.toMatch(/"(answer|explanation)"/);
    expect((await get(cadre, `/api/exams/review?attemptId=${(attempt as { id: string }).id}`)).status).toBe(409);
  });

  it('rejects answers to questions not on the paper, and a paper that is not yours, with reasons', async () => {
    const paper = await paperFor(cadre, DEMO_EXAM);
    const stray = await server.db.db
      .selectFrom('question')
      .select('id')
      .where('pool', '=', 'exam')
      .where(
        'id',
        'not in',
        paper.questions.map((q) => q.id),
      )
      .executeTakeFirstOrThrow();
    const { results } = await push(cadre, [submitOp(DEMO_EXAM, paper, { [stray.id]: true })]);
    expect(results[0]!.status).toBe('rejected');
    expect(results[0]).toMatchObject({ code: 'ANSWERS_OFF_PAPER' });
    const theirs = await push(villager, [submitOp(DEMO_EXAM, paper, {})]);
    expect(theirs.results[0]).toMatchObject({ code: 'PAPER_NOT_YOURS' });
  });

  it('holds the attempt limit at download and at submission', async () => {
    const paper = await paperFor(cadre, DEMO_EXAM);
    expect((await push(cadre, [submitOp(DEMO_EXAM, paper, {})])).results[0]!.status).toBe('applied');
    const refused = await post(cadre, `/api/exams/${DEMO_EXAM}/paper`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'ATTEMPTS_USED' });
    // A third paper in hand (issued before an admin lowered the limit, say) still cannot make a third attempt.
    const cadreId = (await server.db.db.selectFrom('user').select('id').where('username', '=', '13800000003').executeTakeFirstOrThrow()).id;
    const third = {
      id: uuidv7(),
      examId: DEMO_EXAM,
      userId: cadreId,
      questionIds: JSON.stringify(paper.questions.map((q) => q.id)),
      downloadedAt: new Date().toISOString(),
    };
    await server.db.db.insertInto('examPaper').values(third).execute();
    const { results } = await push(cadre, [submitOp(DEMO_EXAM, { ...paper, id: third.id, downloadedAt: third.downloadedAt }, {})]);
    expect(results[0]).toMatchObject({ code: 'ATTEMPTS_USED' });
    expect(
      await server.db.db.selectFrom('examAttempt').select('id').where('examId', '=', DEMO_EXAM).where('userId', '=', cadreId).execute(),
    ).toHaveLength(2);
  });

  it('holds the window and the time limit, with the offline grace', async () => {
    const day = 86_400_000;
    const past = await createExam({
      opensAt: new Date(Date.now() - 2 * day).toISOString(),
      closesAt: new Date(Date.now() - day).toISOString(),
    });
    expect(past.status).toBe(201);
    expect((await post(cadre, `/api/exams/${past.body.exam.id}/paper`)).status).toBe(409);
    const future = await createExam({
      opensAt: new Date(Date.now() + day).toISOString(),
      closesAt: new Date(Date.now() + 2 * day).toISOString(),
    });
    const notYet = await post(cadre, `/api/exams/${future.body.exam.id}/paper`);
    expect(notYet.status).toBe(409);
    expect(await notYet.json()).toMatchObject({ code: 'EXAM_NOT_OPEN' });

    const timed = await createExam({ maxAttempts: 3 });
    const paper = await paperFor(cadre, timed.body.exam.id);
    const over = new Date(new Date(paper.downloadedAt).getTime() + 33 * 60_000).toISOString();
    expect((await push(cadre, [submitOp(timed.body.exam.id, paper, {}, { submittedAt: over })])).results[0]).toMatchObject({
      code: 'EXAM_OVER_TIME',
    });

    // Taken offline in time, but the phone reached the server four days after the exam closed.
    const late = await createExam();
    const latePaper = await paperFor(cadre, late.body.exam.id);
    const ago = (d: number) => new Date(Date.now() - d * day).toISOString();
    // The account must be older than the attempt, or the attempt is refused as dated before the account existed.
    await server.db.db
      .updateTable('user')
      .set({ createdAt: ago(30) })
      .where('username', '=', '13800000003')
      .execute();
    await server.db.db
      .updateTable('exam')
      .set({ opensAt: ago(6), closesAt: ago(4) })
      .where('id', '=', late.body.exam.id)
      .execute();
    await server.db.db
      .updateTable('examPaper')
      .set({ downloadedAt: ago(5) })
      .where('id', '=', latePaper.id)
      .execute();
    const { results } = await push(cadre, [
      submitOp(late.body.exam.id, { ...latePaper, downloadedAt: ago(5) }, {}, { submittedAt: ago(4.99) }),
    ]);
    expect(results[0]!.status).toBe('rejected');
    expect(results[0]).toMatchObject({ code: 'EXAM_ARRIVED_TOO_LATE' });
  });

  it('issues one paper for ten concurrent downloads across two app servers on one database', async () => {
    const peer = await startPeerServer(server);
    try {
      const { body } = await createExam({ maxAttempts: 3 });
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const url = i % 2 ? peer.url : server.url;
          return fetch(`${url}/api/exams/${body.exam.id}/paper`, { method: 'POST', headers: { Cookie: cadre, Origin: url } });
        }),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
      const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { paper: Paper }).paper.id));
      const papers = await server.db.db.selectFrom('examPaper').select('id').where('examId', '=', body.exam.id).execute();
      expect(papers).toHaveLength(1);
      expect(new Set(ids)).toEqual(new Set([papers[0]!.id]));
    } finally {
      await peer.stop();
    }
  });

  it('grades practice answers on the server and refuses practice on exam questions', async () => {
    const practice = await server.db.db
      .selectFrom('question')
      .select(['id', 'answer'])
      .where('pool', '=', 'practice')
      .where('type', '=', 'truefalse')
      .executeTakeFirstOrThrow();
    const exam = await server.db.db
      .selectFrom('question')
      .select('id')
      .where('pool', '=', 'exam')
      .where('type', '=', 'truefalse')
      .executeTakeFirstOrThrow();
    const key = JSON.parse(practice.answer) as boolean;
    const right = op('quiz.answer', { questionId: practice.id, response: key, mode: 'daily', at: new Date().toISOString() });
    const wrong = op('quiz.answer', { questionId: practice.id, response: !key, mode: 'practice', at: new Date().toISOString() });
    const refused = op('quiz.answer', { questionId: exam.id, response: true, mode: 'practice', at: new Date().toISOString() });
    const { results } = await push(villager, [right, wrong, refused]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    expect(results[2]).toMatchObject({ code: 'NOT_PRACTICE_QUESTION' });
    const rows = await server.db.db.selectFrom('quizAnswer').select(['id', 'correct']).where('id', 'in', [right.id, wrong.id]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, Boolean(r.correct)]))).toEqual({ [right.id]: true, [wrong.id]: false });
  });

  it('lets only admins create exams, and refuses papers the exam pool cannot make', async () => {
    expect((await post(cadre, '/api/exams', {})).status).toBe(403);
    const practiceId = (await server.db.db.selectFrom('question').select('id').where('pool', '=', 'practice').executeTakeFirstOrThrow()).id;
    const fixed = await createExam({ paper: { mode: 'fixed', questionIds: [practiceId] } });
    expect(fixed.status).toBe(422);
    expect(fixed.body).toMatchObject({ code: 'NOT_EXAM_POOL' });
    const tooMany = await createExam({ paper: { mode: 'random', rules: [{ tag: null, type: 'multiple', count: 99 }] } });
    expect(tooMany.status).toBe(422);
    const shape = await createExam({ closesAt: '2020-01-01T00:00:00Z', passMark: 120 });
    expect(shape.status).toBe(422);
    expect(shape.body.error).toMatch(/passMark|closesAt/);
  });

  it("shows admins the exam's statistics and learners only the anonymous village ranking", async () => {
    const stats = await (await get(admin, `/api/exams/${DEMO_EXAM}/stats`)).json();
    expect(stats.participants).toBe(1);
    expect(stats.attempts).toBe(2);
    expect(stats.audience).toBeGreaterThanOrEqual(15);
    expect(stats.byUnit.find((u: { name: string }) => u.name === '东山村')).toMatchObject({
      participants: 1,
      passed: 1,
      averageScore: 100,
    });
    expect(stats.questions.length).toBeGreaterThanOrEqual(10);
    expect(stats.questions[0]).toHaveProperty('facility');
    const ranking = await (await get(cadre, `/api/exams/${DEMO_EXAM}/ranking`)).json();
    // One participant is too few to rank: 东山村 is left out and counted as hidden, so no one's score shows.
    expect(ranking).toMatchObject({ ranking: [], hidden: 1, minGroup: 3 });
    expect(JSON.stringify(ranking)).not.toContain('王建国');
    expect((await get(villager, `/api/exams/${DEMO_EXAM}/ranking`)).status).toBe(403);
    expect((await get(admin, '/api/exams/bad id/stats')).status).toBe(422);
  });
});
