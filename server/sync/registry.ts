import type { z } from 'zod';
import { opPayloadSchemas, type OpPayload, type OpType } from '@/lib/sync/ops';
import { OP_CLOCK_SKEW_MS, OP_MAX_FUTURE_MS } from '@/lib/constants';
import type { OpResult } from '@/lib/validations/sync';
import type { DbKind, Trx } from '../db/client';
import { bilingual, type MessageParams } from '../messages';

/** What an apply function knows about the op it applies. */
export interface ApplyContext {
  trx: Trx;
  dbKind: DbKind;
  userId: string;
  deviceId: string;
  opId: string;
  changeSeq: number;
  now: string;
  /** When the pushing account was created (ISO-8601): no op of theirs can be dated before it. */
  accountCreatedAt: string;
}

/**
 * Thrown by an apply function to reject one op; the rest of the batch goes on. The phone shows the reason in its
 * reader's language from the `errors` catalogue under `code`; the message holds both languages for logs.
 */
export class OpRejected extends Error {
  constructor(
    readonly code: string,
    readonly params?: MessageParams,
  ) {
    super(bilingual(`errors.${code}`, params));
  }

  /** The op's result as the push answers it. */
  result(id: string): Extract<OpResult, { status: 'rejected' }> {
    return { id, status: 'rejected', reason: this.message, code: this.code, ...(this.params ? { params: this.params } : {}) };
  }
}

/**
 * Refuses an op time outside the window a real action can have happened in: not before the account existed (less
 * a few minutes of clock skew) and not more than a day after the server's clock. Reports count by these times.
 */
export function requireSaneTime(ctx: Pick<ApplyContext, 'now' | 'accountCreatedAt'>, at: string, field = 'at'): void {
  const time = Date.parse(at);
  if (time < Date.parse(ctx.accountCreatedAt) - OP_CLOCK_SKEW_MS) throw new OpRejected('CLOCK_BEFORE_ACCOUNT', { field, at });
  if (time > Date.parse(ctx.now) + OP_MAX_FUTURE_MS) throw new OpRejected('CLOCK_AHEAD', { field, at });
}

export type ApplyFn<T extends OpType> = (ctx: ApplyContext, payload: OpPayload<T>) => Promise<void>;
export type OpHandlers = { [T in OpType]: ApplyFn<T> };

export function payloadSchema(type: OpType): z.ZodType {
  return opPayloadSchemas[type];
}

/** One op of a batch handed to a batch apply function. */
export interface BatchItem {
  opId: string;
  type: OpType;
  payload: unknown;
}

/**
 * Optional fast path for hot op types: applies a run of ops with a few set-based statements instead of several per
 * op. It must check every op before writing anything and write nothing for the ops it rejects: it returns the
 * rejected op ids with their OpRejected, and every other item counts as applied. The per-op handler stays the
 * reference; the same ops through either path must leave the same rows (tests/unit/server/push.test.ts).
 */
export type BatchApplyFn = (ctx: Omit<ApplyContext, 'opId'>, items: BatchItem[]) => Promise<Map<string, OpRejected>>;
export type BatchHandlers = Partial<Record<OpType, BatchApplyFn>>;
