import { uuidv7 } from 'uuidv7';
import { opPayloadSchemas, type OpPayload, type OpType } from '@/lib/sync/ops';
import { getSetting, setSetting, type OutboxOp, type PufaDB } from './db';

/**
 * Queues an operation. Must be called inside a Dexie 'rw' transaction that includes `outbox` and `settings`,
 * together with the local change the op describes, so both are saved or neither is.
 * The op gets a UUID v7 id and the next per-device sequence number.
 */
export async function enqueueOp<T extends OpType>(db: PufaDB, type: T, payload: OpPayload<T>, label: string): Promise<OutboxOp> {
  const checked = opPayloadSchemas[type].parse(payload);
  const seq = ((await getSetting<number>(db, 'lastSeq')) ?? 0) + 1;
  await setSetting(db, 'lastSeq', seq);
  const op: OutboxOp = { id: uuidv7(), seq, type, payload: checked, createdAt: new Date().toISOString(), status: 'pending', label };
  await db.outbox.add(op);
  return op;
}

/** Puts a rejected op back in the queue (after the person fixed what was wrong). */
export async function retryOp(db: PufaDB, id: string): Promise<void> {
  await db.outbox.update(id, { status: 'pending', reason: undefined, code: undefined, params: undefined });
}

/** Drops a rejected op for good; the person confirmed it. */
export async function discardOp(db: PufaDB, id: string): Promise<void> {
  await db.outbox.delete(id);
}
