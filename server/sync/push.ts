import 'server-only';
import { sql } from 'kysely';
import { isOpType, type OpType } from '@/lib/sync/ops';
import type { OpResult, PushRequest, PushResponse } from '@/lib/validations/sync';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle, type Trx } from '../db/client';
import { activityOps } from '../activity/ops';
import { httpError } from '../http';
import { consultOps } from '../consult/ops';
import { quizOps } from '../quiz/ops';
import { studyBatchOps, studyOps } from '../study';
import { OpRejected, payloadSchema, type ApplyContext, type BatchApplyFn, type BatchHandlers, type OpHandlers } from './registry';

/**
 * The one write path. A batch is applied in one transaction; every applied op leaves a receipt keyed by its id,
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

export async function pushOps(handle: DbHandle, userId: string, request: PushRequest): Promise<PushResponse> {
  const now = new Date().toISOString();
  const deviceId = request.deviceId;
  const order = request.ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.seq - b.op.seq);
  return writeTransaction(handle, async (trx) => {
    const lastSeqBefore = await claimDevice(trx, deviceId, userId, now);
    const account = await trx.selectFrom('user').select('createdAt').where('id', '=', userId).executeTakeFirstOrThrow();
    const accountCreatedAt = new Date(account.createdAt).toISOString();
    const changeSeq = await nextChangeSeq(trx);
    const base = { trx, dbKind: handle.kind, userId, deviceId, changeSeq, now, accountCreatedAt };

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
  });
}
