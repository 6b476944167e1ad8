import type { PullResponse, ProgressRecord } from '@/lib/study/types';
import type { LawSummary } from '@/lib/laws/types';
import { getSetting, setSetting, type PufaDB } from '@/lib/local/db';
import { activityPullTables, applyActivityChanges } from '@/lib/local/activity';
import { applyConsultChanges, consultPullTables } from '@/lib/local/consult';
import { LAW_KEYS, removeLaw } from '@/lib/local/laws';
import { applyQuizChanges, quizPullTables } from '@/lib/local/quiz-sync';
import { SyncHttpError, syncDeadline } from './push-outbox';

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

/** Fetches every change since the stored cursor and applies it to Dexie in one transaction (retired laws leave). */
export async function pullChanges(db: PufaDB, fetchFn: typeof fetch = fetch): Promise<number> {
  const cursor = (await getSetting<number>(db, 'cursor')) ?? 0;
  const response = await fetchFn(`/api/sync/pull?cursor=${cursor}`, {
    credentials: 'same-origin',
    cache: 'no-store',
    signal: syncDeadline(),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new SyncHttpError(response.status, body.error ?? response.statusText);
  }
  const data = (await response.json()) as PullResponse;
  let quizCount = 0;
  let activityCount = 0;
  let consultCount = 0;
  const retired = data.retiredLaws ?? [];
  const thesaurus = data.thesaurus ?? [];
  const tables = [
    db.modules,
    db.lessons,
    db.tasks,
    db.progress,
    db.settings,
    db.profile,
    db.laws,
    db.lawArticles,
    db.thesaurus,
    ...quizPullTables(db),
    ...activityPullTables(db),
    ...consultPullTables(db),
  ];
  await db.transaction('rw', tables, async () => {
    await db.modules.bulkPut(data.modules);
    await db.lessons.bulkPut(data.lessons);
    await db.tasks.bulkPut(data.tasks.filter((t) => !t.deleted));
    await db.tasks.bulkDelete(data.tasks.filter((t) => t.deleted).map((t) => t.id));
    for (const row of data.progress) await db.progress.put(mergeProgress(await db.progress.get(row.lessonId), row));
    quizCount = await applyQuizChanges(db, data);
    await db.modules.bulkDelete(data.removed?.modules ?? []);
    await db.lessons.bulkDelete(data.removed?.lessons ?? []);
    await db.questions.bulkDelete(data.removed?.questions ?? []);
    activityCount = await applyActivityChanges(db, data);
    consultCount = await applyConsultChanges(db, data, await db.profile.get('me'));
    await db.thesaurus.bulkDelete(thesaurus.filter((t) => t.removed).map((t) => t.word));
    await db.thesaurus.bulkPut(thesaurus.filter((t) => !t.removed).map(({ word, phrases, theme }) => ({ word, phrases, theme })));
    // A law an admin retired leaves the phone: its text, and the cached catalog the library lists.
    for (const shortTitle of retired) await removeLaw(db, shortTitle);
    if (retired.length) {
      const catalog = await getSetting<LawSummary[]>(db, LAW_KEYS.catalog);
      if (catalog)
        await setSetting(
          db,
          LAW_KEYS.catalog,
          catalog.filter((l) => !retired.includes(l.shortTitle)),
        );
    }
    await setSetting(db, 'cursor', data.cursor);
    await setSetting(db, 'lastSyncAt', new Date().toISOString());
  });
  return (
    data.modules.length +
    data.lessons.length +
    data.tasks.length +
    data.progress.length +
    quizCount +
    activityCount +
    consultCount +
    retired.length +
    thesaurus.length
  );
}
