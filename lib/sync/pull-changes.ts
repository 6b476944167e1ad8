import type { PullResponse, ProgressRecord } from '@/lib/study/types';
import { getSetting, setSetting, type PufaDB } from '@/lib/local/db';
import { applyQuizChanges, quizPullTables } from '@/lib/local/quiz-sync';
import { SyncHttpError } from './push-outbox';

/** Keeps what the phone knows and the server doesn't yet: the earliest open/complete, the longer reading time. */
export function mergeProgress(local: ProgressRecord | undefined, server: ProgressRecord): ProgressRecord {
  if (!local) return server;
  const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
  return {
    lessonId: server.lessonId,
    openedAt: earliest(local.openedAt, server.openedAt),
    completedAt: earliest(local.completedAt, server.completedAt),
    secondsSpent: Math.max(local.secondsSpent, server.secondsSpent),
  };
}

/** Fetches every change since the stored cursor and applies it to Dexie in one transaction. */
export async function pullChanges(db: PufaDB, fetchFn: typeof fetch = fetch): Promise<number> {
  const cursor = (await getSetting<number>(db, 'cursor')) ?? 0;
  const response = await fetchFn(`/api/sync/pull?cursor=${cursor}`, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new SyncHttpError(response.status, body.error ?? response.statusText);
  }
  const data = (await response.json()) as PullResponse;
  let quizCount = 0;
  await db.transaction('rw', [db.modules, db.lessons, db.tasks, db.progress, db.settings, ...quizPullTables(db)], async () => {
    await db.modules.bulkPut(data.modules);
    await db.lessons.bulkPut(data.lessons);
    await db.tasks.bulkPut(data.tasks.filter((t) => !t.deleted));
    await db.tasks.bulkDelete(data.tasks.filter((t) => t.deleted).map((t) => t.id));
    for (const row of data.progress) await db.progress.put(mergeProgress(await db.progress.get(row.lessonId), row));
    quizCount = await applyQuizChanges(db, data);
    await setSetting(db, 'cursor', data.cursor);
    await setSetting(db, 'lastSyncAt', new Date().toISOString());
  });
  return data.modules.length + data.lessons.length + data.tasks.length + data.progress.length + quizCount;
}
