import { randomUUID } from 'node:crypto';
import type { OutboxOp } from '@/lib/local/db';
import { PufaDB } from '@/lib/local/db';

/**
 * A Dexie database of its own for one test (the test file imports 'fake-indexeddb/auto' first), and the
 * outbox read back in seq order.
 */
export function freshDb(): PufaDB {
  return new PufaDB(`test-${randomUUID()}`);
}

export async function outboxInOrder(db: PufaDB): Promise<OutboxOp[]> {
  return db.outbox.orderBy('seq').toArray();
}
