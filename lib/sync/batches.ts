/** Outbox ordering: ops leave the phone in the order they were made (by per-device sequence), in bounded batches. */
export interface QueuedOp {
  id: string;
  seq: number;
  status: 'pending' | 'rejected';
}

export function pendingInOrder<T extends QueuedOp>(ops: readonly T[]): T[] {
  return ops.filter((op) => op.status === 'pending').sort((a, b) => a.seq - b.seq);
}

export function toBatches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
