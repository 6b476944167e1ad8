import type { z } from 'zod';
import { opPayloadSchemas, type OpPayload, type OpType } from '@/lib/sync/ops';
import type { Trx } from '../db/client';

/** What an apply function knows about the op it applies. */
export interface ApplyContext {
  trx: Trx;
  userId: string;
  deviceId: string;
  opId: string;
  changeSeq: number;
  now: string;
}

/** Thrown by an apply function to reject one op with a reason the phone shows; the rest of the batch goes on. */
export class OpRejected extends Error {}

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
 * rejected op ids with their reasons, and every other item counts as applied. The per-op handler stays the
 * reference; the same ops through either path must leave the same rows (tests/unit/server/push.test.ts).
 */
export type BatchApplyFn = (ctx: Omit<ApplyContext, 'opId'>, items: BatchItem[]) => Promise<Map<string, string>>;
export type BatchHandlers = Partial<Record<OpType, BatchApplyFn>>;
