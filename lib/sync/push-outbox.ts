import { SYNC_PUSH_BATCH_SIZE, SYNC_REQUEST_TIMEOUT_MS } from '@/lib/constants';
import type { PushResponse } from '@/lib/validations/sync';
import type { PufaDB } from '@/lib/local/db';
import { deviceId } from '@/lib/local/device';
import { toBatches } from './batches';

/**
 * Pushes the outbox in order, in batches, and settles each op by the server's answer: applied and duplicate ops
 * leave the outbox, rejected ones stay with the reason. Used by the page's sync loop and by the service worker's
 * Background Sync, so it touches nothing but Dexie and fetch.
 */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
}

/** The abort signal of one sync request: it fires after SYNC_REQUEST_TIMEOUT_MS (a plain timer, as old WebViews lack AbortSignal.timeout). */
export function syncDeadline(ms = SYNC_REQUEST_TIMEOUT_MS): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('the sync request had no answer in time', 'TimeoutError')), ms);
  return controller.signal;
}

export async function pushOutbox(db: PufaDB, fetchFn: typeof fetch = fetch, origin = ''): Promise<PushSummary> {
  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0 };
  const pending = await db.outbox.where('status').equals('pending').sortBy('seq');
  if (pending.length === 0) return summary;
  const device = await deviceId(db);
  for (const batch of toBatches(pending, SYNC_PUSH_BATCH_SIZE)) {
    const response = await fetchFn(`${origin}/api/sync/push`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        deviceId: device,
        ops: batch.map(({ id, seq, type, payload, createdAt }) => ({ id, seq, type, payload, createdAt })),
      }),
      signal: syncDeadline(),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new SyncHttpError(response.status, body.error ?? response.statusText);
    }
    const { results } = (await response.json()) as PushResponse;
    await db.transaction('rw', db.outbox, async () => {
      for (const result of results) {
        if (result.status === 'rejected') {
          await db.outbox.update(result.id, { status: 'rejected', reason: result.reason, code: result.code, params: result.params });
          summary.rejected++;
        } else {
          await db.outbox.delete(result.id);
          summary[result.status]++;
        }
      }
    });
  }
  return summary;
}
