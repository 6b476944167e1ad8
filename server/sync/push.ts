import 'server-only';
import { sql } from 'kysely';
import { isOpType, type OpType } from '@/lib/sync/ops';
import type { OpResult, PushRequest, PushResponse } from '@/lib/validations/sync';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle, type DbKind, type Trx } from '../db/client';
import { activityOps } from '../activity/ops';
import { httpError } from '../http';
import { consultOps } from '../consult/ops';
import { quizOps } from '../quiz/ops';
import { studyBatchOps, studyOps } from '../study';
import { OpRejected, payloadSchema, type ApplyContext, type BatchApplyFn, type BatchHandlers, type OpHandlers } from './registry';

/**
 * The one write path. A batch is applied in one transaction (on SQLite shared with the batches that arrived while
 * the previous one ran: see group commit below); every applied op leaves a receipt keyed by its id,
 * so a retried or concurrent push of the same op is acknowledged as a duplicate and changes nothing. An op that
 * fails validation or its apply function is rolled back to its savepoint and rejected with a reason.
 *
 * Set-based where it can be: the receipts of a batch are claimed with one insert (a concurrent push of the same op
 * waits on the receipt's key and then finds it taken), and runs of hot ops with a batch handler (studyBatchOps) are
 * applied with a few statements per run. Every other op goes through its own handler under a savepoint.
 */
// Mutation testing (issue 13): 68.8 % on SQLite before push-edges.test.ts, 87.2 % (24 survivors of 189) after
// push-runs.test.ts and push-crash-hook.test.ts (MUTATION_TESTS='tests/unit/server/push*.test.ts'). The survivors
// change nothing a push answers or stores on SQLite:
// - the id order of toClaim (the sort and each part of its comparator): it only keeps two concurrent PostgreSQL
//   pushes that share ops from deadlocking; one SQLite connection writes at a time, so any order claims the same.
// - how runs of batch ops are cut: flushing a run early (before every op, or whenever a run is open), never flushing
//   it for a different batch handler, or sending batch ops through their per-op handler (batchFn ignored, or
//   batchHandlers empty) changes the statements, not the results; all three study ops share one batch handler, and
//   push-batch.test.ts holds the batch and per-op paths to the same rows and reasons.
// - `error instanceof OpRejected` forced true: a handler's own failure then surfaces as a TypeError instead of
//   itself, and the push fails and rolls back all the same (no in-process op makes a handler fail that way).
// - `new Array(request.ops.length)` without its length: every index is settled before the push answers.
// - the chunking of the released receipts: one more, empty `in ()` delete is valid on SQLite (not on PostgreSQL,
//   where the mutants never run), and one delete for all fails only past SQLite's 32,766 bound parameters, i.e.
//   32,767 refused ops in one push, too slow for a unit test. (The claims' chunking is held by a push of 5,600 ops:
//   33,600 parameters.)
const handlers: OpHandlers = { ...studyOps, ...quizOps, ...activityOps, ...consultOps };
const batchHandlers: BatchHandlers = { ...studyBatchOps };

// Fault injection for the crash test only: the process kills itself mid-batch after applying this many ops.
const crashAfterOps = Number(process.env.PUFA_TEST_CRASH_AFTER_OPS ?? 0);

// Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

type Op = PushRequest['ops'][number];

async function claimDevice(trx: Trx, deviceId: string, userId: string, now: string): Promise<number> {
  await trx
    .insertInto('device')
    .values({ id: deviceId, userId, lastSeq: 0, createdAt: now, lastSeenAt: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const device = await trx.selectFrom('device').select(['userId', 'lastSeq']).where('id', '=', deviceId).executeTakeFirstOrThrow();
  if (device.userId !== userId) throw httpError(403, 'DEVICE_OF_OTHER_USER');
  return Number(device.lastSeq);
}

/** Inserts the receipts of these ops; returns the ids this push now holds (the others are duplicates). */
async function claimReceipts(trx: Trx, ops: Op[], deviceId: string, userId: string, now: string): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (let i = 0; i < ops.length; i += CHUNK) {
    const rows = await trx
      .insertInto('opReceipt')
      .values(ops.slice(i, i + CHUNK).map((op) => ({ opId: op.id, deviceId, userId, seq: op.seq, type: op.type, appliedAt: now })))
      .onConflict((oc) => oc.column('opId').doNothing())
      .returning('opId')
      .execute();
    for (const row of rows) claimed.add(row.opId);
  }
  return claimed;
}

/** Checks the type and payload; the parsed payload, or the reason it is rejected. */
function validate(op: Op): { ok: true; type: OpType; payload: unknown } | { ok: false; reason: OpRejected } {
  if (!isOpType(op.type)) return { ok: false, reason: new OpRejected('UNKNOWN_OP', { type: op.type }) };
  const parsed = payloadSchema(op.type).safeParse(op.payload);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'payload'))].join(', ');
    return { ok: false, reason: new OpRejected('INVALID_PAYLOAD', { fields }) };
  }
  return { ok: true, type: op.type, payload: parsed.data };
}

async function applyOne(ctx: ApplyContext, type: OpType, payload: unknown): Promise<OpResult> {
  const apply = handlers[type] as (c: ApplyContext, p: unknown) => Promise<void>;
  await sql`savepoint op`.execute(ctx.trx);
  try {
    await apply(ctx, payload);
    await sql`release savepoint op`.execute(ctx.trx);
    return { id: ctx.opId, status: 'applied' };
  } catch (error) {
    await sql`rollback to savepoint op`.execute(ctx.trx);
    await sql`release savepoint op`.execute(ctx.trx);
    if (error instanceof OpRejected) return error.result(ctx.opId);
    throw error;
  }
}

/**
 * Group commit on SQLite. One connection writes at a time, so pushes that arrive while a write transaction runs wait
 * anyway: they are applied together in the next transaction, one change value and one BEGIN/COMMIT for all of them.
 * Each push runs under its own savepoint and gets its own answer: an op a handler rejects rejects only itself (as in
 * a push of its own), and a push that fails as a whole (a handler's own error, another user's device) is rolled back
 * to its savepoint and fails alone, its neighbours' ops applied. Every answer waits for the COMMIT; if the COMMIT
 * itself fails, every push of the group fails and nothing of it is kept (the phones push again). On PostgreSQL
 * every push keeps its own transaction: its connections write in parallel, and a shared transaction would only make
 * pushes wait for each other's row locks.
 */
interface Waiting {
  userId: string;
  request: PushRequest;
  /** When the push arrived: the server time its ops are checked against and stamped with. */
  now: string;
  resolve: (response: PushResponse) => void;
  reject: (error: unknown) => void;
}
interface PushQueue {
  waiting: Waiting[];
  running: boolean;
}
// A group holds at most this many ops (and at least one push), so one transaction never holds the writer for long.
const GROUP_MAX_OPS = 2000;
const queues = new WeakMap<DbHandle, PushQueue>();

export function pushOps(handle: DbHandle, userId: string, request: PushRequest): Promise<PushResponse> {
  const now = new Date().toISOString();
  if (handle.kind !== 'sqlite')
    return writeTransaction(handle, async (trx) => applyPush(trx, handle.kind, await nextChangeSeq(trx), { userId, request, now }));
  let queue = queues.get(handle);
  if (!queue) queues.set(handle, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<PushResponse>((resolve, reject) => {
    q.waiting.push({ userId, request, now, resolve, reject });
    if (!q.running) void drain(handle, q);
  });
}

async function drain(handle: DbHandle, queue: PushQueue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      let ops = 0;
      let size = 0;
      while (size < queue.waiting.length && (size === 0 || ops + queue.waiting[size]!.request.ops.length <= GROUP_MAX_OPS))
        ops += queue.waiting[size++]!.request.ops.length;
      await commitGroup(handle, queue.waiting.splice(0, size));
    }
  } finally {
    queue.running = false;
  }
}

type Outcome = { ok: true; response: PushResponse } | { ok: false; error: unknown };

async function commitGroup(handle: DbHandle, group: Waiting[]): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await writeTransaction(handle, async (trx) => {
      const changeSeq = await nextChangeSeq(trx);
      // Alone, a push needs no savepoint: its failure rolls the transaction back.
      if (group.length === 1) return [{ ok: true, response: await applyPush(trx, handle.kind, changeSeq, group[0]!) }];
      const settled: Outcome[] = [];
      for (const push of group) {
        await sql`savepoint push`.execute(trx);
        try {
          const response = await applyPush(trx, handle.kind, changeSeq, push);
          await sql`release savepoint push`.execute(trx);
          settled.push({ ok: true, response });
        } catch (error) {
          await sql`rollback to savepoint push`.execute(trx);
          await sql`release savepoint push`.execute(trx);
          settled.push({ ok: false, error });
        }
      }
      return settled;
    });
  } catch (error) {
    for (const push of group) push.reject(error);
    return;
  }
  group.forEach((push, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) push.resolve(outcome.response);
    else push.reject(outcome.error);
  });
}

/** One push inside a write transaction that has taken its change value. */
async function applyPush(
  trx: Trx,
  dbKind: DbKind,
  changeSeq: number,
  push: Pick<Waiting, 'userId' | 'request' | 'now'>,
): Promise<PushResponse> {
  const { userId, request, now } = push;
  const deviceId = request.deviceId;
  const order = request.ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.seq - b.op.seq);
  const lastSeqBefore = await claimDevice(trx, deviceId, userId, now);
  const account = await trx.selectFrom('user').select('createdAt').where('id', '=', userId).executeTakeFirstOrThrow();
  const accountCreatedAt = new Date(account.createdAt).toISOString();
  const base = { trx, dbKind, userId, deviceId, changeSeq, now, accountCreatedAt };

  // Validate first; claim one receipt per distinct valid op id (the first copy in seq order names it).
  const checked = order.map(({ op, index }) => ({ op, index, check: validate(op) }));
  const firstCopies = new Map<string, Op>();
  for (const { op, check } of checked) if (check.ok && !firstCopies.has(op.id)) firstCopies.set(op.id, op);
  // Claimed in id order, so two pushes sharing ops on PostgreSQL wait for each other instead of deadlocking.
  const toClaim = [...firstCopies.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const claimed = await claimReceipts(trx, toClaim, deviceId, userId, now);

  const results: OpResult[] = new Array(request.ops.length);
  const settled = new Map<string, OpResult['status']>();
  let highestSeq = 0;
  let applied = 0;
  const settle = (op: Op, index: number, result: OpResult) => {
    results[index] = result;
    settled.set(op.id, result.status);
    if (result.status !== 'rejected') highestSeq = Math.max(highestSeq, op.seq);
    if (result.status === 'applied' && ++applied === crashAfterOps) process.kill(process.pid, 'SIGKILL');
  };

  // A run of consecutive ops sharing one batch handler, waiting to be applied together.
  let run: { fn: BatchApplyFn; items: { op: Op; index: number; type: OpType; payload: unknown }[] } | undefined;
  const flush = async () => {
    if (!run) return;
    const { fn, items } = run;
    run = undefined;
    const rejected = await fn(
      base,
      items.map((i) => ({ opId: i.op.id, type: i.type, payload: i.payload })),
    );
    for (const i of items) {
      const reason = rejected.get(i.op.id);
      settle(i.op, i.index, reason === undefined ? { id: i.op.id, status: 'applied' } : reason.result(i.op.id));
    }
  };

  for (const { op, index, check } of checked) {
    if (run?.items.some((i) => i.op.id === op.id)) await flush();
    if (!check.ok) {
      settle(op, index, check.reason.result(op.id));
      continue;
    }
    // The same op twice in one batch counts once, like the same op in two batches; a rejected copy may be retried.
    const earlier = settled.get(op.id);
    if ((earlier && earlier !== 'rejected') || !claimed.has(op.id)) {
      await flush();
      settle(op, index, { id: op.id, status: 'duplicate' });
      continue;
    }
    const batchFn = batchHandlers[check.type];
    if (batchFn) {
      if (run && run.fn !== batchFn) await flush();
      run ??= { fn: batchFn, items: [] };
      run.items.push({ op, index, type: check.type, payload: check.payload });
      continue;
    }
    await flush();
    settle(op, index, await applyOne({ ...base, opId: op.id }, check.type, check.payload));
  }
  await flush();

  // A receipt claimed for an op that ended rejected is given back, so a corrected retry can apply.
  const released = [...claimed].filter((id) => settled.get(id) === 'rejected');
  for (let i = 0; i < released.length; i += CHUNK) {
    await trx
      .deleteFrom('opReceipt')
      .where('opId', 'in', released.slice(i, i + CHUNK))
      .execute();
  }

  const lastSeq = Math.max(lastSeqBefore, highestSeq);
  await trx.updateTable('device').set({ lastSeq, lastSeenAt: now }).where('id', '=', deviceId).execute();
  return { results, highestSeq: lastSeq };
}
