import 'server-only';
import type { Citation, PullResponse } from '@/lib/study/types';
import { currentChangeSeq } from '../db/changes';
import type { DbHandle } from '../db/client';
import { pullQuizChanges } from '../quiz/pull';
import { toTaskRecord } from '../tasks';

/**
 * Everything that changed since the cursor: all study content and tasks (they are not personal), and the user's
 * own progress. The new cursor is read first, so rows committed while this runs come in the next pull.
 */
export async function pullChanges(handle: DbHandle, userId: string, cursor: number): Promise<PullResponse> {
  const { db } = handle;
  const upTo = await currentChangeSeq(db, cursor);
  const [modules, lessons, tasks, progress, quiz] = await Promise.all([
    db.selectFrom('module').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).orderBy('sortOrder').execute(),
    db.selectFrom('lesson').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).orderBy('sortOrder').execute(),
    db.selectFrom('studyTask').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).execute(),
    db
      .selectFrom('lessonProgress')
      .selectAll()
      .where('userId', '=', userId)
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .execute(),
    pullQuizChanges(db, userId, cursor, upTo),
  ]);
  return {
    cursor: upTo,
    modules: modules.map((m) => ({
      id: m.id,
      slug: m.slug,
      sortOrder: m.sortOrder,
      theme: m.theme,
      title: { zh: m.titleZh, en: m.titleEn },
      summary: { zh: m.summaryZh, en: m.summaryEn },
    })),
    lessons: lessons.map((l) => ({
      id: l.id,
      slug: l.slug,
      moduleId: l.moduleId,
      sortOrder: l.sortOrder,
      title: l.title,
      titleEn: l.titleEn,
      minutes: l.minutes,
      body: l.body,
      cites: JSON.parse(l.cites) as Citation[],
    })),
    tasks: tasks.map(toTaskRecord),
    progress: progress.map((p) => ({
      lessonId: p.lessonId,
      openedAt: p.openedAt,
      completedAt: p.completedAt,
      secondsSpent: p.secondsSpent,
    })),
    ...quiz,
  };
}
