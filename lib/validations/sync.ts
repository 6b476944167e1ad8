import { z } from 'zod';

/** Wire format of POST /api/sync/push and GET /api/sync/pull. */
export const syncOpSchema = z.object({
  id: z.uuid({ message: 'op id must be a UUID' }),
  seq: z.number().int().min(1),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SyncOp = z.infer<typeof syncOpSchema>;

export const pushRequestSchema = z.object({
  deviceId: z.uuid({ message: 'deviceId must be a UUID' }),
  ops: z.array(syncOpSchema).min(1, { message: 'ops must not be empty' }),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A rejected op's `reason` holds both languages; the phone shows `code` (with `params`) from the `errors` catalogue. */
export type OpResult =
  | { id: string; status: 'applied' }
  | { id: string; status: 'duplicate' }
  | { id: string; status: 'rejected'; reason: string; code: string; params?: Record<string, string | number> };

export interface PushResponse {
  results: OpResult[];
  highestSeq: number;
}

export const pullQuerySchema = z.object({ cursor: z.coerce.number().int().min(0).default(0) });
