import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSetting, type PufaDB } from '@/lib/local/db';
import { recordLessonCompleted, recordLessonOpened, recordReadingTime } from '@/lib/local/study';
import { freshDb, outboxInOrder } from './fresh-db';

let db: PufaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const LESSON = 'hunyin-jiating-marriage-freedom';
const LABEL = '婚姻自由与高额彩礼';

describe('recordLessonOpened', () => {
  it('writes openedAt and queues one study.open op with seq 1', async () => {
    await recordLessonOpened(LESSON, LABEL, db);
    const row = await db.progress.get(LESSON);
    expect(row).toMatchObject({ lessonId: LESSON, completedAt: null, secondsSpent: 0 });
    expect(row?.openedAt).toEqual(expect.any(String));
    const ops = await outboxInOrder(db);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      seq: 1,
      type: 'study.open',
      status: 'pending',
      label: LABEL,
      payload: { lessonId: LESSON, at: row?.openedAt },
    });
    expect(await getSetting(db, 'lastSeq')).toBe(1);
  });

  it('queues nothing and keeps the first time when the lesson is opened again', async () => {
    await recordLessonOpened(LESSON, LABEL, db);
    const first = await db.progress.get(LESSON);
    await recordLessonOpened(LESSON, LABEL, db);
    expect(await db.progress.get(LESSON)).toEqual(first);
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues nothing when the lesson was completed before it was ever opened', async () => {
    await recordLessonCompleted(LESSON, LABEL, db);
    await recordLessonOpened(LESSON, LABEL, db);
    expect((await outboxInOrder(db)).map((op) => op.type)).toEqual(['study.complete']);
  });
});

describe('recordReadingTime', () => {
  it.each([
    { seconds: 30, stored: 30 },
    { seconds: 29.6, stored: 30 },
    { seconds: 1, stored: 1 },
    { seconds: 5_000, stored: 3_600 },
  ])('adds $seconds s as $stored whole seconds and queues them in a study.read op', async ({ seconds, stored }) => {
    await recordReadingTime(LESSON, seconds, LABEL, db);
    const row = await db.progress.get(LESSON);
    expect(row?.secondsSpent).toBe(stored);
    expect(row?.openedAt).toEqual(expect.any(String));
    const ops = await outboxInOrder(db);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ seq: 1, type: 'study.read', payload: { lessonId: LESSON, seconds: stored } });
  });

  it.each([0, 0.4, -10])('ignores %s s: no row, no op', async (seconds) => {
    await recordReadingTime(LESSON, seconds, LABEL, db);
    expect(await db.progress.get(LESSON)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('adds up the reading time and queues one op per heartbeat', async () => {
    await recordReadingTime(LESSON, 60, LABEL, db);
    await recordReadingTime(LESSON, 45, LABEL, db);
    expect((await db.progress.get(LESSON))?.secondsSpent).toBe(105);
    const ops = await outboxInOrder(db);
    expect(ops.map((op) => [op.seq, op.type, (op.payload as { seconds: number }).seconds])).toEqual([
      [1, 'study.read', 60],
      [2, 'study.read', 45],
    ]);
  });
});

describe('recordLessonCompleted', () => {
  it('writes completedAt (and openedAt when missing) and queues one study.complete op', async () => {
    await recordLessonCompleted(LESSON, LABEL, db);
    const row = await db.progress.get(LESSON);
    expect(row?.completedAt).toEqual(expect.any(String));
    expect(row?.openedAt).toBe(row?.completedAt);
    const ops = await outboxInOrder(db);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ seq: 1, type: 'study.complete', payload: { lessonId: LESSON, at: row?.completedAt } });
  });

  it('queues one op and keeps the first completion when completed twice', async () => {
    await recordLessonCompleted(LESSON, LABEL, db);
    const first = await db.progress.get(LESSON);
    await recordLessonCompleted(LESSON, LABEL, db);
    expect(await db.progress.get(LESSON)).toEqual(first);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('a study session on the phone', () => {
  it('queues open, read, read, complete with increasing seq and a progress row that agrees', async () => {
    await recordLessonOpened(LESSON, LABEL, db);
    await recordReadingTime(LESSON, 60, LABEL, db);
    await recordReadingTime(LESSON, 20, LABEL, db);
    await recordLessonCompleted(LESSON, LABEL, db);
    await recordLessonCompleted(LESSON, LABEL, db);
    await recordLessonOpened(LESSON, LABEL, db);

    const ops = await outboxInOrder(db);
    expect(ops.map((op) => [op.seq, op.type])).toEqual([
      [1, 'study.open'],
      [2, 'study.read'],
      [3, 'study.read'],
      [4, 'study.complete'],
    ]);
    expect(new Set(ops.map((op) => op.id)).size).toBe(4);
    expect(await getSetting(db, 'lastSeq')).toBe(4);
    const row = await db.progress.get(LESSON);
    expect(row).toMatchObject({
      secondsSpent: 80,
      openedAt: (ops[0]?.payload as { at: string }).at,
      completedAt: (ops[3]?.payload as { at: string }).at,
    });
  });

  it('numbers ops across lessons from one per-device sequence', async () => {
    await recordLessonOpened('lesson-a', 'A', db);
    await recordLessonOpened('lesson-b', 'B', db);
    await recordLessonCompleted('lesson-a', 'A', db);
    const ops = await outboxInOrder(db);
    expect(ops.map((op) => [op.seq, (op.payload as { lessonId: string }).lessonId])).toEqual([
      [1, 'lesson-a'],
      [2, 'lesson-b'],
      [3, 'lesson-a'],
    ]);
  });
});

describe('a write whose op fails validation', () => {
  const tooLong = 'x'.repeat(65); // lessonId is at most 64 characters in every op schema

  it.each([
    { name: 'opening', record: (id: string) => recordLessonOpened(id, 'bad', db) },
    { name: 'reading', record: (id: string) => recordReadingTime(id, 30, 'bad', db) },
    { name: 'completing', record: (id: string) => recordLessonCompleted(id, 'bad', db) },
  ])('$name throws and saves neither the progress row nor the op', async ({ record }) => {
    await recordLessonOpened(LESSON, LABEL, db);
    await expect(record(tooLong)).rejects.toThrow();
    expect(await db.progress.get(tooLong)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await getSetting(db, 'lastSeq')).toBe(1);
  });

  it('leaves an existing progress row as it was', async () => {
    const before = { lessonId: tooLong, openedAt: '2026-03-02T01:00:00.000Z', completedAt: null, secondsSpent: 40 };
    await db.progress.put(before);
    await expect(recordReadingTime(tooLong, 30, 'bad', db)).rejects.toThrow();
    await expect(recordLessonCompleted(tooLong, 'bad', db)).rejects.toThrow();
    expect(await db.progress.get(tooLong)).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
    expect(await getSetting(db, 'lastSeq')).toBeUndefined();
  });
});
