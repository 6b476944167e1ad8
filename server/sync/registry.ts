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
