import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_PUSH_BATCH_SIZE, SYNC_REQUEST_TIMEOUT_MS } from '@/lib/constants';
import { type OutboxOp, type PufaDB } from '@/lib/local/db';
import { deviceId } from '@/lib/local/device';
import { pushOutbox, SyncHttpError } from '@/lib/sync/push-outbox';
import type { OpResult, PushRequest } from '@/lib/validations/sync';
import { freshDb, outboxInOrder } from '../local/fresh-db';
import { fakeFetch } from './fake-fetch';

let db: PufaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function outboxOp(seq: number, status: OutboxOp['status'] = 'pending', idNumber = seq): OutboxOp {
  return {
    id: id(idNumber),
    seq,
    type: 'study.open',
    payload: { lessonId: `l${seq}`, at: '2026-03-02T09:00:00.000Z' },
    createdAt: '2026-03-02T09:00:00.000Z',
    status,
    label: `第${seq}课`,
  };
}

/** A server that answers each op of a batch with `answer(seq)` (applied unless told otherwise). */
function server(answer: (op: PushRequest['ops'][number]) => OpResult['status'] = () => 'applied') {
  return fakeFetch(({ body }) => {
    const { ops } = body as PushRequest;
    const results = ops.map((op): OpResult => {
      const status = answer(op);
      return status === 'rejected'
        ? { id: op.id, status, reason: `第${op.seq}条被拒绝`, code: 'PAPER_ALREADY_SUBMITTED', params: { seq: op.seq } }
        : { id: op.id, status };
    });
    return Response.json({ results, highestSeq: Math.max(...ops.map((o) => o.seq)) });
  });
}

describe('pushOutbox', () => {
  it('sends nothing when the outbox has no pending ops', async () => {
    await db.outbox.add(outboxOp(1, 'rejected'));
    const { fetch, seen } = server();
    expect(await pushOutbox(db, fetch)).toEqual({ applied: 0, duplicate: 0, rejected: 0 });
    expect(seen).toHaveLength(0);
  });

  it('settles each op by the server answer: applied and duplicate leave, rejected stay with the reason and its code', async () => {
    await db.outbox.bulkAdd([outboxOp(1), outboxOp(2), outboxOp(3), outboxOp(4)]);
    const answers: Record<number, OpResult['status']> = { 1: 'applied', 2: 'duplicate', 3: 'rejected', 4: 'applied' };
    const { fetch } = server((op) => answers[op.seq]!);

    expect(await pushOutbox(db, fetch)).toEqual({ applied: 2, duplicate: 1, rejected: 1 });
    const left = await outboxInOrder(db);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      id: id(3),
      status: 'rejected',
      reason: '第3条被拒绝',
      code: 'PAPER_ALREADY_SUBMITTED',
      params: { seq: 3 },
      label: '第3课',
    });
  });

  it('posts the device id and the wire fields of each op, without local-only fields', async () => {
    await db.outbox.add(outboxOp(1));
    const { fetch, seen } = server();
    await pushOutbox(db, fetch, 'https://pufa.example');

    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://pufa.example/api/sync/push');
    expect(seen[0]?.init?.method).toBe('POST');
    const { label: _label, status: _status, ...wire } = outboxOp(1);
    expect(seen[0]?.body).toEqual({ deviceId: await deviceId(db), ops: [wire] });
  });

  it(`pushes in batches of ${SYNC_PUSH_BATCH_SIZE} in seq order, not in the order of the op ids`, async () => {
    const total = 2 * SYNC_PUSH_BATCH_SIZE + 50;
    const seqs = Array.from({ length: total }, (_, i) => i + 1);
    // Ids sort in a scrambled order (as UUIDs made on two tabs would), so only sorting by seq gives 1, 2, 3 …
    await db.outbox.bulkAdd(seqs.map((seq) => outboxOp(seq, 'pending', (seq * 7919) % 100_003)));
    await db.outbox.add({ ...outboxOp(total + 1, 'rejected') });
    const { fetch, seen } = server();

    expect(await pushOutbox(db, fetch)).toEqual({ applied: total, duplicate: 0, rejected: 0 });
    const batches = seen.map((r) => (r.body as PushRequest).ops.map((op) => op.seq));
    expect(batches.map((b) => b.length)).toEqual([SYNC_PUSH_BATCH_SIZE, SYNC_PUSH_BATCH_SIZE, 50]);
    expect(batches.flat()).toEqual(seqs);
    expect((await outboxInOrder(db)).map((op) => op.seq)).toEqual([total + 1]);
  });

  it('throws SyncHttpError 401 and leaves the outbox untouched when the session is gone', async () => {
    await db.outbox.bulkAdd([outboxOp(1), outboxOp(2)]);
    const before = await outboxInOrder(db);
    const { fetch } = fakeFetch(() => Response.json({ error: '请先登录 / please sign in' }, { status: 401 }));

    const error = await pushOutbox(db, fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ status: 401, message: '请先登录 / please sign in' });
    expect(await outboxInOrder(db)).toEqual(before);
  });

  it('keeps the ops of a batch the server failed on, after settling the batches before it', async () => {
    await db.outbox.bulkAdd(Array.from({ length: SYNC_PUSH_BATCH_SIZE + 3 }, (_, i) => outboxOp(i + 1)));
    const ok = server();
    const { fetch } = fakeFetch((request, index) =>
      index === 0 ? ok.fetch(request.url, request.init) : new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' }),
    );

    await expect(pushOutbox(db, fetch)).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
    expect((await outboxInOrder(db)).map((op) => op.seq)).toEqual([
      SYNC_PUSH_BATCH_SIZE + 1,
      SYNC_PUSH_BATCH_SIZE + 2,
      SYNC_PUSH_BATCH_SIZE + 3,
    ]);
  });

  it('lets a network failure through as the TypeError fetch threw, with the outbox untouched', async () => {
    await db.outbox.add(outboxOp(1));
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(pushOutbox(db, fetch)).rejects.toBeInstanceOf(TypeError);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('a push that never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is given up after SYNC_REQUEST_TIMEOUT_MS, keeping every op pending for the next try', async () => {
    await db.outbox.bulkAdd([outboxOp(1), outboxOp(2)]);
    await deviceId(db);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let signal: AbortSignal | undefined;
    // A stalled connection: no answer and no error, until the request is aborted.
    const stalled: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        signal = init?.signal ?? undefined;
        signal?.addEventListener('abort', () => reject(signal!.reason));
      });
    const pushing = pushOutbox(db, stalled).then(
      () => 'answered',
      (error: unknown) => (error instanceof DOMException ? error.name : 'other'),
    );
    while (!signal) await new Promise((resolve) => setImmediate(resolve)); // Dexie reads the outbox first
    await vi.advanceTimersByTimeAsync(SYNC_REQUEST_TIMEOUT_MS - 1);
    expect(signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pushing).toBe('TimeoutError');
    expect((await outboxInOrder(db)).map((op) => [op.seq, op.status])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
    ]);
  });
});
