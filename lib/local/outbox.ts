import Dexie from 'dexie';
import { uuidv7 } from '@/lib/local/uuid';
import type { OpPayload, OpType } from '@/lib/sync/ops';
import { getSetting, setSetting, type OutboxOp, type PufaDB } from './db';

/**
 * The op payload schemas (lib/sync/ops.ts, the same the server checks with) are loaded after the page, not with
 * it: they bring zod, about 30 KB gzipped, which would put every screen that can queue an op over its first-load
 * budget. Loading starts when this module is first imported, so the schemas are in memory long before a person acts.
 */
let schemas: typeof import('@/lib/sync/ops').opPayloadSchemas | undefined;
let loading: Promise<typeof import('@/lib/sync/ops').opPayloadSchemas> | undefined;
function loadSchemas() {
  loading ??= import('@/lib/sync/ops').then((m) => (schemas = m.opPayloadSchemas));
  return loading;
}
if (typeof window !== 'undefined') void loadSchemas().catch(() => (loading = undefined));

/**
 * Queues an operation. Must be called inside a Dexie 'rw' transaction that includes `outbox` and `settings`,
 * together with the local change the op describes, so both are saved or neither is.
 * The op gets a UUID v7 id and the next per-device sequence number.
 */
export async function enqueueOp<T extends OpType>(db: PufaDB, type: T, payload: OpPayload<T>, label: string): Promise<OutboxOp> {
  // Dexie.waitFor keeps the transaction open while the schemas finish loading (only if they have not yet).
  const opSchemas = schemas ?? (await Dexie.waitFor(loadSchemas()));
  const checked = opSchemas[type].parse(payload);
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
