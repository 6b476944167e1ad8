import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRequest } from '@/lib/validations/sync';
import type { DbHandle } from '@/server/db/client';
import { freshTestDb, type TestDb } from '../../support/test-db';
import { personMaker, seedTestTownship } from '../../support/township';
import { pushOps } from '@/server/sync/push';

/**
 * How a push groups and sizes its work, seen from what it stores and answers (mutation testing, issue 13): batches
 * of over a thousand ops (claimed and given back in several statements), runs of study ops broken by a per-op op or
 * by a second copy of an op already waiting in the run, a per-op handler's refusal rolled back to its savepoint, and
 * the device's last seq when a push brings nothing newer.
 */
let test: TestDb;
let handle: DbHandle;
let lessons: string[];
let practiceQuestion: string;
let newUser: () => Promise<string>;

beforeAll(async () => {
  test = await freshTestDb('sqlite');
  handle = test.handle;
  await seedTestTownship(handle, { questions: true });
  const person = personMaker(handle, '13900015', '杨桂花');
  newUser = async () => (await person()).id;
  lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(4).execute()).map((l) => l.id);
  practiceQuestion = (
    await handle.db.selectFrom('question').select('id').where('pool', '=', 'practice').orderBy('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await test?.drop();
});

type Op = PushRequest['ops'][number];
const now = () => new Date().toISOString();
const missingLesson = '00000000-0000-7000-8000-000000000000';
const open = (id: string, seq: number, lessonId: string, at = now()): Op => ({
  id,
  seq,
  type: 'study.open',
  payload: { lessonId, at },
  createdAt: at,
});
const read = (id: string, seq: number, lessonId: string, seconds: number): Op => ({
  id,
  seq,
  type: 'study.read',
  payload: { lessonId, at: now(), seconds },
  createdAt: now(),
});
const answer = (id: string, seq: number, questionId: string, at = now()): Op => ({
  id,
  seq,
  type: 'quiz.answer',
  payload: { questionId, response: [0], mode: 'practice', at },
  createdAt: at,
});
const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
const statuses = (r: { results: { status: string }[] }) => r.results.map((x) => x.status);
const receiptsOf = async (opIds: string[]) => {
  const found: { opId: string; seq: number; type: string }[] = [];
  for (let i = 0; i < opIds.length; i += 400) {
    const rows = await handle.db
      .selectFrom('opReceipt')
      .select(['opId', 'seq', 'type'])
      .where('opId', 'in', opIds.slice(i, i + 400))
      .execute();
    found.push(...rows.map((r) => ({ ...r, seq: Number(r.seq) })));
  }
  return found;
};
const eventCount = async (userId: string) =>
  Number(
    (
      await handle.db
        .selectFrom('studyEvent')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const lastSeqOf = async (deviceId: string) =>
  Number((await handle.db.selectFrom('device').select('lastSeq').where('id', '=', deviceId).executeTakeFirstOrThrow()).lastSeq);

describe('pushOps with over a thousand ops in one batch', () => {
  it('applies every op once and keeps one receipt each, also when the batch repeats ops a first push applied', async () => {
    const user = await newUser();
    const deviceId = randomUUID();
    const all = ids(1201);
    // A phone that was offline for months: the first 600 ops went through once, the answer was lost, all are sent again.
    const first = await pushOps(handle, user, { deviceId, ops: all.slice(0, 600).map((id, i) => open(id, i + 1, lessons[i % 4]!)) });
    expect(statuses(first).every((s) => s === 'applied')).toBe(true);
    expect(first.highestSeq).toBe(600);

    const again = await pushOps(handle, user, { deviceId, ops: all.map((id, i) => open(id, i + 1, lessons[i % 4]!)) });
    expect(again.results.map((r) => r.id)).toEqual(all);
    expect(statuses(again)).toEqual([...Array<string>(600).fill('duplicate'), ...Array<string>(601).fill('applied')]);
    expect(again.highestSeq).toBe(1201);
    expect(await lastSeqOf(deviceId)).toBe(1201);
    const receipts = await receiptsOf(all);
    expect(receipts).toHaveLength(1201);
    expect(new Set(receipts.map((r) => r.opId)).size).toBe(1201);
    expect(await eventCount(user)).toBe(1201);
  });

  it("applies a push too large for one statement of SQLite's bound parameters (a year offline)", async () => {
    const user = await newUser();
    const deviceId = randomUUID();
    // Six values per receipt: 5,600 receipts need 33,600 parameters, over SQLite's limit of 32,766 in one statement.
    const all = ids(5600);
    const response = await pushOps(handle, user, { deviceId, ops: all.map((id, i) => open(id, i + 1, lessons[i % 4]!)) });
    expect(statuses(response).filter((s) => s === 'applied')).toHaveLength(5600);
    expect(response.highestSeq).toBe(5600);
    expect(await receiptsOf(all)).toHaveLength(5600);
    expect(await eventCount(user)).toBe(5600);
  });

  it('gives back the receipts of over a thousand refused ops, so each can apply once corrected', async () => {
    const user = await newUser();
    const deviceId = randomUUID();
    const all = ids(1103);
    const refused = await pushOps(handle, user, { deviceId, ops: all.map((id, i) => open(id, i + 1, missingLesson)) });
    expect(refused.results.every((r) => r.status === 'rejected' && r.code === 'LESSON_NOT_FOUND')).toBe(true);
    expect(refused.highestSeq).toBe(0);
    expect(await receiptsOf(all)).toEqual([]);
    expect(await eventCount(user)).toBe(0);

    const corrected = await pushOps(handle, user, { deviceId, ops: all.map((id, i) => open(id, i + 1, lessons[i % 4]!)) });
    expect(statuses(corrected).every((s) => s === 'applied')).toBe(true);
    expect(await receiptsOf(all)).toHaveLength(1103);
    expect(await eventCount(user)).toBe(1103);
  });
});

describe('pushOps with study ops and per-op ops mixed', () => {
  it('answers each op in place and stores the rows of each applied op, whichever way it was applied', async () => {
    const user = await newUser();
    const deviceId = randomUUID();
    const [o1, a2, r3, a4, c5, o6] = ids(6);
    const ops: Op[] = [
      open(o1!, 1, lessons[0]!),
      answer(a2!, 2, practiceQuestion),
      read(r3!, 3, lessons[0]!, 40),
      answer(a4!, 4, 'no-such-question'),
      { id: c5!, seq: 5, type: 'study.complete', payload: { lessonId: lessons[0]!, at: now() }, createdAt: now() },
      open(o6!, 6, missingLesson),
    ];
    const response = await pushOps(handle, user, { deviceId, ops });
    expect(response.results.map((r) => r.id)).toEqual([o1, a2, r3, a4, c5, o6]);
    expect(statuses(response)).toEqual(['applied', 'applied', 'applied', 'rejected', 'applied', 'rejected']);
    expect(response.results[3]).toMatchObject({ code: 'QUESTION_NOT_FOUND', params: { id: 'no-such-question' } });
    expect(response.results[5]).toMatchObject({ code: 'LESSON_NOT_FOUND' });
    expect(response.highestSeq).toBe(5);

    const answers = await handle.db.selectFrom('quizAnswer').select(['id', 'questionId']).where('userId', '=', user).execute();
    expect(answers).toEqual([{ id: a2, questionId: practiceQuestion }]);
    const events = await handle.db.selectFrom('studyEvent').select(['id', 'kind']).where('userId', '=', user).orderBy('kind').execute();
    expect(events).toEqual([
      { id: c5, kind: 'complete' },
      { id: o1, kind: 'open' },
      { id: r3, kind: 'read' },
    ]);
    expect((await receiptsOf([o1!, a2!, r3!, a4!, c5!, o6!])).map((r) => r.opId).sort()).toEqual([o1, a2, r3, c5].sort());
  });

  it('applies a good copy of a quiz answer after its handler refused an earlier copy in the same batch, once', async () => {
    const user = await newUser();
    const id = randomUUID();
    const later = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const response = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [answer(id, 1, practiceQuestion, later), answer(id, 2, practiceQuestion), answer(id, 3, practiceQuestion)],
    });
    expect(statuses(response)).toEqual(['rejected', 'applied', 'duplicate']);
    expect(response.results[0]).toMatchObject({ code: 'CLOCK_AHEAD' });
    expect(await handle.db.selectFrom('quizAnswer').select('id').where('userId', '=', user).execute()).toEqual([{ id }]);
    // claimed by the first valid copy, kept for the one applied
    expect(await receiptsOf([id])).toMatchObject([{ opId: id, type: 'quiz.answer' }]);
  });

  it('counts a copy of an op still waiting among other study ops as a duplicate', async () => {
    const user = await newUser();
    const [a, b] = ids(2);
    const response = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [open(a!, 1, lessons[1]!), read(b!, 2, lessons[1]!, 30), open(a!, 3, lessons[1]!), read(b!, 4, lessons[1]!, 30)],
    });
    expect(statuses(response)).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
    const events = await handle.db.selectFrom('studyEvent').select(['id', 'kind']).where('userId', '=', user).orderBy('kind').execute();
    expect(events).toEqual([
      { id: a, kind: 'open' },
      { id: b, kind: 'read' },
    ]);
    const progress = await handle.db
      .selectFrom('lessonProgress')
      .select('secondsSpent')
      .where('userId', '=', user)
      .executeTakeFirstOrThrow();
    expect(progress.secondsSpent).toBe(30);
  });

  it('keeps the receipt of the valid copy when an invalid copy of the same op comes first', async () => {
    const user = await newUser();
    const id = randomUUID();
    const response = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [{ id, seq: 1, type: 'study.open', payload: { lessonId: lessons[2]! }, createdAt: now() }, open(id, 2, lessons[2]!)],
    });
    expect(statuses(response)).toEqual(['rejected', 'applied']);
    expect(response.results[0]).toMatchObject({ code: 'INVALID_PAYLOAD', params: { fields: 'at' } });
    expect(await receiptsOf([id])).toEqual([{ opId: id, seq: 2, type: 'study.open' }]);
  });

  it('names the whole payload when it is not an object at all', async () => {
    const user = await newUser();
    const response = await pushOps(handle, user, {
      deviceId: randomUUID(),
      ops: [{ id: randomUUID(), seq: 1, type: 'study.open', payload: null, createdAt: now() }],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'INVALID_PAYLOAD', params: { fields: 'payload' } });
  });
});

describe("pushOps and the device's last seq", () => {
  it('keeps the last seq when a later push brings only lower seqs, refused ops or duplicates', async () => {
    const user = await newUser();
    const deviceId = randomUUID();
    const [a, b, c] = ids(3);
    expect((await pushOps(handle, user, { deviceId, ops: [open(a!, 7, lessons[3]!)] })).highestSeq).toBe(7);
    const lower = await pushOps(handle, user, { deviceId, ops: [open(b!, 3, lessons[3]!), open(c!, 9, missingLesson)] });
    expect(statuses(lower)).toEqual(['applied', 'rejected']);
    expect(lower.highestSeq).toBe(7);
    expect(await lastSeqOf(deviceId)).toBe(7);
    const dup = await pushOps(handle, user, { deviceId, ops: [open(a!, 8, lessons[3]!)] });
    expect(statuses(dup)).toEqual(['duplicate']);
    expect(dup.highestSeq).toBe(8);
    expect(await lastSeqOf(deviceId)).toBe(8);
  });
});
