import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { getSetting, type PufaDB } from '@/lib/local/db';
import { discardOp, enqueueOp, retryOp } from '@/lib/local/outbox';
import type { OpPayload, OpType } from '@/lib/sync/ops';
import { freshDb, outboxInOrder } from './fresh-db';

let db: PufaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const AT = '2026-03-02T09:00:00.000Z';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function enqueue<T extends OpType>(type: T, payload: OpPayload<T>, label = 'label') {
  return db.transaction('rw', [db.outbox, db.settings], () => enqueueOp(db, type, payload, label));
}

describe('enqueueOp', () => {
  it('gives each op a UUID v7 id, the next seq and pending status', async () => {
    const first = await enqueue('study.open', { lessonId: 'l1', at: AT });
    const second = await enqueue('study.read', { lessonId: 'l1', at: AT, seconds: 60 });
    expect(first).toMatchObject({ seq: 1, status: 'pending', type: 'study.open', label: 'label' });
    expect(second.seq).toBe(2);
    expect(first.id).toMatch(UUID_V7);
    expect(second.id).not.toBe(first.id);
    expect(await outboxInOrder(db)).toEqual([first, second]);
    expect(await getSetting(db, 'lastSeq')).toBe(2);
  });

  it.each([
    { name: 'an empty lesson id', type: 'study.open', payload: { lessonId: '', at: AT } },
    { name: 'a time without a zone', type: 'study.open', payload: { lessonId: 'l1', at: '2026-03-02 09:00' } },
    { name: 'zero seconds', type: 'study.read', payload: { lessonId: 'l1', at: AT, seconds: 0 } },
    { name: 'more than an hour', type: 'study.read', payload: { lessonId: 'l1', at: AT, seconds: 3601 } },
    { name: 'fractional seconds', type: 'study.read', payload: { lessonId: 'l1', at: AT, seconds: 1.5 } },
    { name: 'a missing lesson id', type: 'study.complete', payload: { at: AT } },
  ] as { name: string; type: OpType; payload: never }[])('refuses $name and writes nothing', async ({ type, payload }) => {
    await expect(enqueue(type, payload)).rejects.toThrow(ZodError);
    expect(await db.outbox.count()).toBe(0);
    expect(await getSetting(db, 'lastSeq')).toBeUndefined();
  });

  it('stores the validated payload, without fields the schema does not know', async () => {
    const op = await enqueue('study.open', { lessonId: 'l1', at: AT, extra: 'dropped' } as OpPayload<'study.open'>);
    expect((await db.outbox.get(op.id))?.payload).toEqual({ lessonId: 'l1', at: AT });
  });
});

describe('retryOp and discardOp', () => {
  async function rejectedOp() {
    const op = await enqueue('study.open', { lessonId: 'gone', at: AT });
    await db.outbox.update(op.id, { status: 'rejected', reason: '课程不存在 / lesson not found' });
    return op;
  }

  it('puts a rejected op back in the queue with its seq and without the reason', async () => {
    const op = await rejectedOp();
    await retryOp(db, op.id);
    const back = await db.outbox.get(op.id);
    expect(back).toMatchObject({ id: op.id, seq: op.seq, status: 'pending' });
    expect(back?.reason).toBeUndefined();
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
  });

  it('drops a rejected op for good and leaves the others', async () => {
    const gone = await rejectedOp();
    const kept = await enqueue('study.open', { lessonId: 'l2', at: AT });
    await discardOp(db, gone.id);
    expect((await outboxInOrder(db)).map((op) => op.id)).toEqual([kept.id]);
  });
});
