import type { ProgressRecord } from '@/lib/study/types';
import { localDb, type PufaDB } from './db';
import { enqueueOp } from './outbox';

/**
 * Study progress on the phone. Each function updates the local progress row and queues the matching op in the
 * same transaction; offline, both wait on the phone and the sync loop pushes the op when there is signal.
 */
function tables(db: PufaDB) {
  return [db.progress, db.outbox, db.settings];
}

function current(row: ProgressRecord | undefined, lessonId: string): ProgressRecord {
  return row ?? { lessonId, openedAt: null, completedAt: null, secondsSpent: 0 };
}

/** Writes: progress.openedAt (first time only). Queues: study.open, once per lesson on this phone. */
export async function recordLessonOpened(lessonId: string, label: string, db = localDb()): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const row = await db.progress.get(lessonId);
    if (row?.openedAt) return;
    const at = new Date().toISOString();
    await db.progress.put({ ...current(row, lessonId), openedAt: at });
    await enqueueOp(db, 'study.open', { lessonId, at }, label);
  });
}

/** Writes: progress.secondsSpent += seconds. Queues: study.read with the seconds (visible reading time only). */
export async function recordReadingTime(lessonId: string, seconds: number, label: string, db = localDb()): Promise<void> {
  const whole = Math.min(3600, Math.round(seconds));
  if (!Number.isFinite(whole) || whole < 1) return;
  await db.transaction('rw', tables(db), async () => {
    const row = current(await db.progress.get(lessonId), lessonId);
    await db.progress.put({ ...row, openedAt: row.openedAt ?? new Date().toISOString(), secondsSpent: row.secondsSpent + whole });
    await enqueueOp(db, 'study.read', { lessonId, at: new Date().toISOString(), seconds: whole }, label);
  });
}

/** Writes: progress.completedAt. Queues: study.complete, unless the lesson was already completed. */
export async function recordLessonCompleted(lessonId: string, label: string, db = localDb()): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const row = current(await db.progress.get(lessonId), lessonId);
    if (row.completedAt) return;
    const at = new Date().toISOString();
    await db.progress.put({ ...row, openedAt: row.openedAt ?? at, completedAt: at });
    await enqueueOp(db, 'study.complete', { lessonId, at }, label);
  });
}
