import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushRequest } from '@/lib/validations/sync';
import type { DbHandle } from '@/server/db/client';
import { freshTestDb, type TestDb } from '../../support/test-db';
import { personMaker, seedTestTownship } from '../../support/township';
import { HttpError } from '@/server/http';
import type { BatchApplyFn } from '@/server/sync/registry';

/**
 * Group commit on SQLite (server/sync/push.ts): pushes that arrive while a write transaction runs are applied
 * together in the next one. Each still gets its own answer, an op rejected in one push leaves the others' ops
 * applied, a push that fails as a whole (its handler's own error, a device of another user) fails alone and leaves
 * nothing behind, and every op is applied exactly once even when copies of it meet in one group.
 */
const failing = vi.hoisted(() => new Set<string>());
vi.mock('@/server/study', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/server/study')>();
  // The real batch handler, then a failure of the handler's own (not an OpRejected) when it was handed a marked op:
  // its rows are written by then, so the push's savepoint must take them back.
  const study: BatchApplyFn = async (ctx, items) => {
    const rejected = await real.studyBatchOps['study.open'](ctx, items);
    if (items.some((i) => failing.has(i.opId))) throw new Error('the handler broke');
    return rejected;
  };
  return { ...real, studyBatchOps: { 'study.open': study, 'study.read': study, 'study.complete': study } };
});
const { pushOps } = await import('@/server/sync/push');

let test: TestDb;
let handle: DbHandle;
let lessons: string[];
let newUser: () => Promise<string>;

beforeAll(async () => {
  test = await freshTestDb('sqlite');
  handle = test.handle;
  await seedTestTownship(handle);
  const person = personMaker(handle, '13900016', '马晓梅');
  newUser = async () => (await person()).id;
  lessons = (await handle.db.selectFrom('lesson').select('id').orderBy('id').limit(8).execute()).map((l) => l.id);
});
afterAll(async () => {
  await test?.drop();
});
beforeEach(() => failing.clear());

const at = () => new Date().toISOString();
const open = (seq: number, lessonId: string, id: string = randomUUID()) => {
  const time = at();
  return { id, seq, type: 'study.open', payload: { lessonId, at: time }, createdAt: time };
};
const push = (...ops: PushRequest['ops']): PushRequest => ({ deviceId: randomUUID(), ops });
const stored = async (ids: string[]) => ({
  receipts: (await handle.db.selectFrom('opReceipt').select('opId').where('opId', 'in', ids).execute()).length,
  events: (await handle.db.selectFrom('studyEvent').select('id').where('id', 'in', ids).execute()).length,
});
const changeValues = async (users: string[]) =>
  new Set(
    (await handle.db.selectFrom('lessonProgress').select('changeSeq').where('userId', 'in', users).execute()).map((r) => r.changeSeq),
  );

describe('group commit', () => {
  it('applies pushes that arrive together in one transaction, each with its own answer', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    const requests = users.map((_, i) => push(open(1, lessons[i]!), open(2, lessons[i + 1]!)));
    // All six are handed over before the first transaction commits: the first goes alone, the other five wait for it.
    const answers = await Promise.all(users.map((user, i) => pushOps(handle, user, requests[i]!)));
    answers.forEach((answer, i) => {
      expect(answer.results).toEqual(requests[i]!.ops.map((op) => ({ id: op.id, status: 'applied' })));
      expect(answer.highestSeq).toBe(2);
    });
    expect(await stored(requests.flatMap((r) => r.ops.map((op) => op.id)))).toEqual({ receipts: 12, events: 12 });
    // One change value for the first push, one for the five grouped after it.
    expect((await changeValues(users)).size).toBe(2);
  });

  it('leaves the other pushes’ ops applied when an op of one push in the group is rejected', async () => {
    const [first, a, b] = [await newUser(), await newUser(), await newUser()];
    const bad = { ...open(2, 'no-such-lesson') };
    const pushA = push(open(1, lessons[0]!), bad, open(3, lessons[1]!));
    const pushB = push(open(1, lessons[2]!), open(2, lessons[3]!));
    const [, answerA, answerB] = await Promise.all([
      pushOps(handle, first, push(open(1, lessons[4]!))),
      pushOps(handle, a, pushA),
      pushOps(handle, b, pushB),
    ]);
    expect(answerA.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(answerA.results[1]).toMatchObject({ code: 'LESSON_NOT_FOUND' });
    expect(answerB.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await stored([pushA.ops[0]!.id, pushA.ops[2]!.id, ...pushB.ops.map((op) => op.id)])).toEqual({ receipts: 4, events: 4 });
    expect(await stored([bad.id])).toEqual({ receipts: 0, events: 0 });
    expect((await changeValues([a, b])).size).toBe(1);
  });

  it('fails only the push whose handler throws, keeping nothing of it, while its neighbours’ ops are applied', async () => {
    const [first, a, b, c] = [await newUser(), await newUser(), await newUser(), await newUser()];
    const pushA = push(open(1, lessons[0]!), open(2, lessons[1]!));
    const pushB = push(open(1, lessons[2]!), open(2, lessons[3]!));
    const pushC = push(open(1, lessons[4]!));
    failing.add(pushB.ops[1]!.id);
    const settled = await Promise.allSettled([
      pushOps(handle, first, push(open(1, lessons[5]!))),
      pushOps(handle, a, pushA),
      pushOps(handle, b, pushB),
      pushOps(handle, c, pushC),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'the handler broke' });
    expect(await stored(pushB.ops.map((op) => op.id))).toEqual({ receipts: 0, events: 0 });
    expect(await handle.db.selectFrom('lessonProgress').select('lessonId').where('userId', '=', b).execute()).toEqual([]);
    expect(await handle.db.selectFrom('device').select('id').where('id', '=', pushB.deviceId).execute()).toEqual([]);
    expect(await stored([...pushA.ops, ...pushC.ops].map((op) => op.id))).toEqual({ receipts: 3, events: 3 });

    // The phone pushes the same ops again once the fault is gone: they apply, once.
    failing.clear();
    const retry = await pushOps(handle, b, pushB);
    expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await stored(pushB.ops.map((op) => op.id))).toEqual({ receipts: 2, events: 2 });
  });

  it('refuses a device of another user in the group with 403, alone', async () => {
    const [first, owner, stranger] = [await newUser(), await newUser(), await newUser()];
    const deviceId = randomUUID();
    await pushOps(handle, owner, { deviceId, ops: [open(1, lessons[0]!)] });
    const theirs = { deviceId, ops: [open(2, lessons[1]!)] };
    const mine = push(open(1, lessons[2]!));
    const settled = await Promise.allSettled([
      pushOps(handle, first, push(open(1, lessons[3]!))),
      pushOps(handle, stranger, theirs),
      pushOps(handle, owner, mine),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (settled[1] as PromiseRejectedResult).reason as HttpError;
    expect(reason).toBeInstanceOf(HttpError);
    expect(reason.status).toBe(403);
    expect(await stored([theirs.ops[0]!.id])).toEqual({ receipts: 0, events: 0 });
    expect(await stored([mine.ops[0]!.id])).toEqual({ receipts: 1, events: 1 });
  });

  it('applies an op once when two copies of one push meet in the same group (a replay racing the first send)', async () => {
    const [first, user] = [await newUser(), await newUser()];
    const request = push(open(1, lessons[0]!), open(2, lessons[1]!));
    const [, one, two] = await Promise.all([
      pushOps(handle, first, push(open(1, lessons[2]!))),
      pushOps(handle, user, request),
      pushOps(handle, user, request),
    ]);
    expect(one.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(two.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(two.highestSeq).toBe(2);
    expect(await stored(request.ops.map((op) => op.id))).toEqual({ receipts: 2, events: 2 });
  });
});
