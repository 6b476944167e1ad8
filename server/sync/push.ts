import 'server-only';
import { sql } from 'kysely';
import { isOpType, type OpType } from '@/lib/sync/ops';
import type { OpResult, PushRequest, PushResponse } from '@/lib/validations/sync';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle, type Trx } from '../db/client';
import { activityOps } from '../activity/ops';
import { HttpError } from '../http';
import { consultOps } from '../consult/ops';
import { quizOps } from '../quiz/ops';
import { studyOps } from '../study';
import { OpRejected, payloadSchema, type ApplyContext, type OpHandlers } from './registry';

/**
 * The one write path. A batch is applied in one transaction; every applied op leaves a receipt keyed by its id,
 * so a retried or concurrent push of the same op is acknowledged as a duplicate and changes nothing. An op that
 * fails validation or its apply function is rolled back to its savepoint and rejected with a reason.
 */
const handlers: OpHandlers = { ...studyOps, ...quizOps, ...activityOps, ...consultOps };

// Fault injection for the crash test only: the process kills itself mid-batch after applying this many ops.
const crashAfterOps = Number(process.env.PUFA_TEST_CRASH_AFTER_OPS ?? 0);

async function claimDevice(trx: Trx, deviceId: string, userId: string, now: string): Promise<void> {
  await trx
    .insertInto('device')
    .values({ id: deviceId, userId, lastSeq: 0, createdAt: now, lastSeenAt: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const device = await trx.selectFrom('device').select('userId').where('id', '=', deviceId).executeTakeFirstOrThrow();
  if (device.userId !== userId) throw new HttpError(403, '此设备已登记给其他用户 / this device is registered to another user');
}

/** Inserts the receipt; false when another push already holds it (the op is a duplicate). */
async function claimReceipt(trx: Trx, op: PushRequest['ops'][number], deviceId: string, userId: string, now: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('opReceipt')
    .values({ opId: op.id, deviceId, userId, seq: op.seq, type: op.type, appliedAt: now })
    .onConflict((oc) => oc.column('opId').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function applyOne(ctx: ApplyContext, op: PushRequest['ops'][number]): Promise<OpResult> {
  if (!isOpType(op.type)) return { id: op.id, status: 'rejected', reason: `未知的操作类型 ${op.type} / unknown operation type` };
  const parsed = payloadSchema(op.type).safeParse(op.payload);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
    return { id: op.id, status: 'rejected', reason: `数据无效 / invalid payload: ${reason}` };
  }
  const apply = handlers[op.type as OpType] as (c: ApplyContext, p: unknown) => Promise<void>;
  await sql`savepoint op`.execute(ctx.trx);
  try {
    if (!(await claimReceipt(ctx.trx, op, ctx.deviceId, ctx.userId, ctx.now))) {
      await sql`release savepoint op`.execute(ctx.trx);
      return { id: op.id, status: 'duplicate' };
    }
    await apply(ctx, parsed.data);
    await sql`release savepoint op`.execute(ctx.trx);
    return { id: op.id, status: 'applied' };
  } catch (error) {
    await sql`rollback to savepoint op`.execute(ctx.trx);
    await sql`release savepoint op`.execute(ctx.trx);
    if (error instanceof OpRejected) return { id: op.id, status: 'rejected', reason: error.message };
    throw error;
  }
}

export async function pushOps(handle: DbHandle, userId: string, request: PushRequest): Promise<PushResponse> {
  const now = new Date().toISOString();
  const order = request.ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.seq - b.op.seq);
  return writeTransaction(handle, async (trx) => {
    await claimDevice(trx, request.deviceId, userId, now);
    const account = await trx.selectFrom('user').select('createdAt').where('id', '=', userId).executeTakeFirstOrThrow();
    const accountCreatedAt = new Date(account.createdAt).toISOString();
    const changeSeq = await nextChangeSeq(trx);
    const results: OpResult[] = new Array(request.ops.length);
    const settled = new Map<string, OpResult['status']>();
    let highestSeq = 0;
    let applied = 0;
    for (const { op, index } of order) {
      // The same op twice in one batch counts once, like the same op in two batches; a rejected copy may be retried.
      const earlier = settled.get(op.id);
      const result: OpResult =
        earlier && earlier !== 'rejected'
          ? { id: op.id, status: 'duplicate' }
          : await applyOne(
              { trx, dbKind: handle.kind, userId, deviceId: request.deviceId, opId: op.id, changeSeq, now, accountCreatedAt },
              op,
            );
      results[index] = result;
      settled.set(op.id, result.status);
      if (result.status !== 'rejected') highestSeq = Math.max(highestSeq, op.seq);
      if (result.status === 'applied' && ++applied === crashAfterOps) process.kill(process.pid, 'SIGKILL');
    }
    const device = await trx.selectFrom('device').select('lastSeq').where('id', '=', request.deviceId).executeTakeFirstOrThrow();
    const lastSeq = Math.max(Number(device.lastSeq), highestSeq);
    await trx.updateTable('device').set({ lastSeq, lastSeenAt: now }).where('id', '=', request.deviceId).execute();
    return { results, highestSeq: lastSeq };
  });
}
