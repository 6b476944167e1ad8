import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpResult, PushRequest } from '@/lib/validations/sync';
import { loadShippedContent } from '@/server/content';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { HttpError } from '@/server/http';
import { createOrgUnit } from '@/server/org';
import { pushOps } from '@/server/sync/push';
import { createUser } from '@/server/users';

/**
 * The server's write path on a real SQLite database in a temporary folder: receipts make a retried op a
 * duplicate, rejected ops leave nothing behind, and progress folds events together.
 */
let dataDir: string;
let handle: DbHandle;
let userId: string;
let otherUserId: string;
let lessonIds: string[];
let phones = 1300;
// Reading time is credited per person and never twice for the same moment, so each scenario reads as its own person.
const newUser = async () =>
  (
    await createUser(handle.db, {
      password: 'Pufa-demo-2026',
      role: 'villager',
      orgUnitId: 'org-v01',
      legalLiterate: false,
      legalLiterateSince: null,
      phone: `1390000${phones++}`,
      name: '王建国',
    })
  ).id;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-push-'));
  handle = openDatabase({ dataDir });
  await migrate(handle);
  await createOrgUnit(handle.db, { id: 'org-town', parentId: null, name: '普法镇', level: 'township' });
  await createOrgUnit(handle.db, { id: 'org-v01', parentId: 'org-town', name: '东山村', level: 'village' });
  const user = {
    password: 'Pufa-demo-2026',
    role: 'villager',
    orgUnitId: 'org-v01',
    legalLiterate: false,
    legalLiterateSince: null,
  } as const;
  userId = (await createUser(handle.db, { ...user, phone: '13900001201', name: '张秀英' })).id;
  otherUserId = (await createUser(handle.db, { ...user, phone: '13900001202', name: '李桂兰' })).id;
  await loadShippedContent(handle, path.resolve(process.cwd(), 'content'));
  lessonIds = (await handle.db.selectFrom('lesson').select('id').orderBy('id').execute()).map((l) => l.id);
});

afterAll(async () => {
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// Op times must fall after the account was created and at most a day ahead of the server: use the coming hours.
const hoursAhead = (h: number) => new Date(Math.floor(Date.now() / 3600_000 + h) * 3600_000).toISOString();
const T1 = hoursAhead(1);
const T2 = hoursAhead(2);
const T3 = hoursAhead(3);

/** One op of a scenario: `key` names its id, so a scenario can send the same op again. */
interface OpSpec {
  key: string;
  seq: number;
  type: string;
  payload: (lessonId: string) => unknown;
}
const open = (key: string, seq: number, at = T1): OpSpec => ({ key, seq, type: 'study.open', payload: (lessonId) => ({ lessonId, at }) });
const read = (key: string, seq: number, seconds: number, at = T1): OpSpec => ({
  key,
  seq,
  type: 'study.read',
  payload: (lessonId) => ({ lessonId, at, seconds }),
});
const complete = (key: string, seq: number, at = T1): OpSpec => ({
  key,
  seq,
  type: 'study.complete',
  payload: (lessonId) => ({ lessonId, at }),
});
const raw = (key: string, seq: number, type: string, payload: unknown): OpSpec => ({ key, seq, type, payload: () => payload });

/** An expected result: a status, or the code (and params) of a rejection, which the phone shows in its language. */
type Expect = Exclude<OpResult['status'], 'rejected'> | { code: string; params?: Record<string, string> };

interface Scenario {
  name: string;
  pushes: { ops: OpSpec[]; results: Expect[]; highestSeq: number }[];
  /** Keys of the ops that end with a receipt and a study event. */
  kept: string[];
  progress: { openedAt: string | null; completedAt: string | null; secondsSpent: number } | null;
}

const scenarios: Scenario[] = [
  {
    name: 'applies a fresh op',
    pushes: [{ ops: [open('a', 1)], results: ['applied'], highestSeq: 1 }],
    kept: ['a'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 0 },
  },
  {
    name: 'answers the same op id in a later push as a duplicate and counts it once',
    pushes: [
      { ops: [read('a', 1, 60)], results: ['applied'], highestSeq: 1 },
      { ops: [read('a', 1, 60)], results: ['duplicate'], highestSeq: 1 },
    ],
    kept: ['a'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 60 },
  },
  {
    name: 'rejects an unknown operation type with a reason and keeps no receipt',
    pushes: [
      {
        ops: [raw('a', 1, 'poll.vote', { questionId: 'q1' })],
        results: [{ code: 'UNKNOWN_OP', params: { type: 'poll.vote' } }],
        highestSeq: 0,
      },
    ],
    kept: [],
    progress: null,
  },
  {
    name: 'rejects invalid payloads, naming the field',
    pushes: [
      {
        ops: [read('a', 1, 0), raw('b', 2, 'study.open', { at: T1 }), raw('c', 3, 'study.complete', { lessonId: 'x', at: 'yesterday' })],
        results: [
          { code: 'INVALID_PAYLOAD', params: { fields: 'seconds' } },
          { code: 'INVALID_PAYLOAD', params: { fields: 'lessonId' } },
          { code: 'INVALID_PAYLOAD', params: { fields: 'at' } },
        ],
        highestSeq: 0,
      },
    ],
    kept: [],
    progress: null,
  },
  {
    name: 'rejects an op for an unknown lesson without a receipt, so the corrected op with the same id applies',
    pushes: [
      {
        ops: [raw('a', 1, 'study.open', { lessonId: 'no-such-lesson', at: T1 })],
        results: [{ code: 'LESSON_NOT_FOUND', params: { id: 'no-such-lesson' } }],
        highestSeq: 0,
      },
      { ops: [open('a', 1)], results: ['applied'], highestSeq: 1 },
    ],
    kept: ['a'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 0 },
  },
  {
    name: 'goes on with the batch after a rejected op',
    pushes: [
      {
        ops: [open('a', 1), raw('b', 2, 'study.open', { lessonId: 'no-such-lesson', at: T1 }), read('c', 3, 30)],
        results: ['applied', { code: 'LESSON_NOT_FOUND' }, 'applied'],
        highestSeq: 3,
      },
    ],
    kept: ['a', 'c'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 30 },
  },
  {
    name: 'reports the highest accepted seq across gaps, never lowering it',
    pushes: [
      {
        ops: [open('a', 3), read('b', 7, 30), raw('c', 9, 'study.bogus', {})],
        results: ['applied', 'applied', { code: 'UNKNOWN_OP' }],
        highestSeq: 7,
      },
      { ops: [complete('d', 5, T2)], results: ['applied'], highestSeq: 7 },
      { ops: [read('e', 12, 5, T2)], results: ['applied'], highestSeq: 12 },
    ],
    kept: ['a', 'b', 'd', 'e'],
    progress: { openedAt: T1, completedAt: T2, secondsSpent: 35 },
  },
  {
    name: 'counts a duplicate toward the highest seq the phone may forget',
    pushes: [
      { ops: [open('a', 1)], results: ['applied'], highestSeq: 1 },
      { ops: [open('a', 1), read('b', 2, 10)], results: ['duplicate', 'applied'], highestSeq: 2 },
    ],
    kept: ['a', 'b'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 10 },
  },
  {
    name: 'keeps the earliest completion and adds up reading time across pushes',
    pushes: [
      { ops: [open('a', 1), complete('b', 2, T2), read('c', 3, 60, T2)], results: ['applied', 'applied', 'applied'], highestSeq: 3 },
      { ops: [complete('d', 4, T1), read('e', 5, 30, T1)], results: ['applied', 'applied'], highestSeq: 5 },
      { ops: [complete('f', 6, T3), read('g', 7, 10, T3)], results: ['applied', 'applied'], highestSeq: 7 },
    ],
    kept: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    progress: { openedAt: T1, completedAt: T1, secondsSpent: 100 },
  },
  {
    name: 'applies ops in seq order and answers them in the order they were sent',
    // Applied in request order, the read (T2) would set openedAt first; in seq order the open (T1) does.
    pushes: [{ ops: [read('b', 2, 30, T2), open('a', 1, T1)], results: ['applied', 'applied'], highestSeq: 2 }],
    kept: ['a', 'b'],
    progress: { openedAt: T1, completedAt: null, secondsSpent: 30 },
  },
];

describe('pushOps receipts', () => {
  it.each(scenarios.map((s, i) => ({ ...s, lessonIndex: i })))('$name', async ({ pushes, kept, progress, lessonIndex }) => {
    const lessonId = lessonIds[lessonIndex]!;
    const deviceId = randomUUID();
    const userId = await newUser();
    const ids = new Map<string, string>();
    const idOf = (key: string) => ids.get(key) ?? ids.set(key, randomUUID()).get(key)!;

    for (const push of pushes) {
      const ops: PushRequest['ops'] = push.ops.map((op) => ({
        id: idOf(op.key),
        seq: op.seq,
        type: op.type,
        payload: op.payload(lessonId),
        createdAt: T1,
      }));
      const response = await pushOps(handle, userId, { deviceId, ops });

      expect(response.results.map((r) => r.id)).toEqual(ops.map((op) => op.id));
      push.results.forEach((expected, i) => {
        const result = response.results[i]!;
        if (typeof expected === 'string') expect(result).toEqual({ id: ops[i]!.id, status: expected });
        else expect(result).toMatchObject({ status: 'rejected', reason: expect.any(String), ...expected });
      });
      expect(response.highestSeq).toBe(push.highestSeq);
    }

    const allIds = [...ids.values()];
    const keptIds = kept.map(idOf).sort();
    const receipts = await handle.db.selectFrom('opReceipt').selectAll().where('opId', 'in', allIds).execute();
    expect(receipts.map((r) => r.opId).sort()).toEqual(keptIds);
    expect(receipts.every((r) => r.userId === userId && r.deviceId === deviceId)).toBe(true);
    const events = await handle.db.selectFrom('studyEvent').selectAll().where('id', 'in', allIds).execute();
    expect(events.map((e) => e.id).sort()).toEqual(keptIds);
    expect(events.every((e) => e.userId === userId && e.deviceId === deviceId && e.lessonId === lessonId)).toBe(true);

    const row = await handle.db
      .selectFrom('lessonProgress')
      .select(['openedAt', 'completedAt', 'secondsSpent'])
      .where('userId', '=', userId)
      .where('lessonId', '=', lessonId)
      .executeTakeFirst();
    expect(row ?? null).toEqual(progress);
    const device = await handle.db.selectFrom('device').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(device.userId).toBe(userId);
    expect(Number(device.lastSeq)).toBe(pushes.at(-1)!.highestSeq);
  });
});

describe('pushOps', () => {
  const lesson = () => lessonIds.at(-1)!;
  const op = (seq: number, type = 'study.read', payload: unknown = { lessonId: lesson(), at: T1, seconds: 60 }) => ({
    id: randomUUID(),
    seq,
    type,
    payload,
    createdAt: T1,
  });

  it('stores each event with its kind, seconds and time', async () => {
    const deviceId = randomUUID();
    const ops = [
      op(1, 'study.open', { lessonId: lesson(), at: T1 }),
      op(2, 'study.read', { lessonId: lesson(), at: T2, seconds: 45 }),
      op(3, 'study.complete', { lessonId: lesson(), at: T3 }),
    ];
    await pushOps(handle, otherUserId, { deviceId, ops });
    const events = await handle.db
      .selectFrom('studyEvent')
      .select(['id', 'kind', 'seconds', 'occurredAt'])
      .where('deviceId', '=', deviceId)
      .orderBy('occurredAt')
      .execute();
    expect(events).toEqual([
      { id: ops[0]!.id, kind: 'open', seconds: 0, occurredAt: T1 },
      { id: ops[1]!.id, kind: 'read', seconds: 45, occurredAt: T2 },
      { id: ops[2]!.id, kind: 'complete', seconds: 0, occurredAt: T3 },
    ]);
  });

  it('moves the progress row to the change sequence of the latest push, so the next pull carries it', async () => {
    const deviceId = randomUUID();
    const progressSeq = async () =>
      Number(
        (
          await handle.db
            .selectFrom('lessonProgress')
            .select('changeSeq')
            .where('userId', '=', userId)
            .where('lessonId', '=', lesson())
            .executeTakeFirstOrThrow()
        ).changeSeq,
      );
    await pushOps(handle, userId, { deviceId, ops: [op(1)] });
    const first = await progressSeq();
    await pushOps(handle, userId, { deviceId, ops: [op(2)] });
    const counter = await handle.db.selectFrom('changeCounter').select('value').executeTakeFirstOrThrow();
    expect(await progressSeq()).toBeGreaterThan(first);
    expect(await progressSeq()).toBe(Number(counter.value));
  });

  it('refuses a device registered to another user with 403 and writes nothing', async () => {
    const deviceId = randomUUID();
    await pushOps(handle, userId, { deviceId, ops: [op(1)] });
    const counterBefore = await handle.db.selectFrom('changeCounter').select('value').executeTakeFirstOrThrow();
    const stolen = op(2);

    const error = await pushOps(handle, otherUserId, { deviceId, ops: [stolen] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403 });

    expect(await handle.db.selectFrom('opReceipt').select('opId').where('opId', '=', stolen.id).execute()).toEqual([]);
    expect(await handle.db.selectFrom('studyEvent').select('id').where('id', '=', stolen.id).execute()).toEqual([]);
    const device = await handle.db.selectFrom('device').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect({ userId: device.userId, lastSeq: Number(device.lastSeq) }).toEqual({ userId, lastSeq: 1 });
    expect(await handle.db.selectFrom('changeCounter').select('value').executeTakeFirstOrThrow()).toEqual(counterBefore);
  });

  it('registers a new device to the first user who pushes from it', async () => {
    const deviceId = randomUUID();
    await pushOps(handle, otherUserId, { deviceId, ops: [op(1, 'study.bogus', {})] });
    const device = await handle.db.selectFrom('device').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect({ userId: device.userId, lastSeq: Number(device.lastSeq) }).toEqual({ userId: otherUserId, lastSeq: 0 });
  });
});

describe('pushOps with the same op twice in one batch', () => {
  it('applies it once', async () => {
    const userId = await newUser();
    const lessonId = lessonIds[scenarios.length]!;
    const deviceId = randomUUID();
    const twice = { id: randomUUID(), seq: 1, type: 'study.read', payload: { lessonId, at: T1, seconds: 60 }, createdAt: T1 };
    const response = await pushOps(handle, userId, { deviceId, ops: [twice, { ...twice }] });

    expect(response.results.map((r) => r.status)).not.toContain('rejected');
    expect(response.highestSeq).toBe(1);
    expect(await handle.db.selectFrom('opReceipt').select('opId').where('opId', '=', twice.id).execute()).toHaveLength(1);
    expect(await handle.db.selectFrom('studyEvent').select('id').where('id', '=', twice.id).execute()).toHaveLength(1);
    const row = await handle.db
      .selectFrom('lessonProgress')
      .select('secondsSpent')
      .where('userId', '=', userId)
      .where('lessonId', '=', lessonId)
      .executeTakeFirstOrThrow();
    expect(row.secondsSpent).toBe(60);
  });

  // Known bug: pushOps answers every copy with the first copy's result (results are kept per id), so the phone
  // is told "applied" twice. Flip to `it` once server/sync/push.ts answers per op.
  it('answers the first copy applied and the second a duplicate', async () => {
    const lessonId = lessonIds[scenarios.length + 1]!;
    const twice = { id: randomUUID(), seq: 1, type: 'study.read', payload: { lessonId, at: T1, seconds: 60 }, createdAt: T1 };
    const response = await pushOps(handle, userId, { deviceId: randomUUID(), ops: [twice, { ...twice }] });
    expect(response.results).toEqual([
      { id: twice.id, status: 'applied' },
      { id: twice.id, status: 'duplicate' },
    ]);
  });
});

describe('pushOps with progress from two phones of one person', () => {
  // Known bug: lessonProgress.openedAt keeps the first open to arrive (coalesce in server/study.ts), not the
  // earliest, while completedAt keeps the earliest; a late push can leave the lesson completed before it was
  // opened, and reports filter on openedAt. Flip to `it` once openedAt keeps the earliest time.
  it('keeps the earliest open when a phone that was offline pushes an older open later', async () => {
    const lessonId = lessonIds[scenarios.length + 2]!;
    const op = (type: string, at: string) => ({ id: randomUUID(), seq: 1, type, payload: { lessonId, at }, createdAt: at });
    await pushOps(handle, userId, { deviceId: randomUUID(), ops: [op('study.complete', T3)] });
    await pushOps(handle, userId, { deviceId: randomUUID(), ops: [op('study.complete', T2)] });
    const row = await handle.db
      .selectFrom('lessonProgress')
      .select(['openedAt', 'completedAt'])
      .where('userId', '=', userId)
      .where('lessonId', '=', lessonId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ openedAt: T2, completedAt: T2 });
  });
});
