import 'server-only';
import type { Citation, PullResponse } from '@/lib/study/types';
import { currentChangeSeq } from '../db/changes';
import type { DbHandle } from '../db/client';
import type { Viewer } from '../consult/access';
import { pullConsultChanges } from '../consult/pull';
import { pullActivityChanges } from '../activity/pull';
import { retiredLawsSince } from '../laws/retire';
import { pullQuizChanges } from '../quiz/pull';
import { toTaskRecord } from '../tasks';

/**
 * Everything that changed since the cursor: all study content and tasks (they are not personal), and the user's
 * own progress, quizzes and exams, retired laws, the activities and consultations the person may see. The new cursor
 * is read first (a horizon below which every change has committed), so rows committed while this runs come in the
 * next pull.
 */
export async function pullChanges(handle: DbHandle, viewer: Viewer, cursor: number): Promise<PullResponse> {
  const userId = viewer.id;
  const { db } = handle;
  const upTo = await currentChangeSeq(db, cursor);
  const [modules, lessons, tasks, progress, quiz, retiredLaws, activity, thesaurus] = await Promise.all([
    db
      .selectFrom('module')
      .selectAll()
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .where('status', '!=', 'draft')
      .orderBy('sortOrder')
      .execute(),
    db
      .selectFrom('lesson')
      .selectAll()
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .where('status', '!=', 'draft')
      .orderBy('sortOrder')
      .execute(),
    db.selectFrom('studyTask').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).execute(),
    db
      .selectFrom('lessonProgress')
      .selectAll()
      .where('userId', '=', userId)
      .where('changeSeq', '>', cursor)
      .where('changeSeq', '<=', upTo)
      .execute(),
    pullQuizChanges(db, userId, cursor, upTo),
    retiredLawsSince(db, cursor, upTo),
    pullActivityChanges(db, userId, cursor, upTo),
    db.selectFrom('thesaurusEntry').selectAll().where('changeSeq', '>', cursor).where('changeSeq', '<=', upTo).execute(),
  ]);
  const consult = await pullConsultChanges(db, viewer, cursor, upTo);
  const removedQuestions = await db
    .selectFrom('question')
    .select('id')
    .where('changeSeq', '>', cursor)
    .where('changeSeq', '<=', upTo)
    // Archived, or a published question an administrator took back to draft (a draft never published has no sequence).
    .where('status', 'in', ['archived', 'draft'])
    .execute();
  const live = <T extends { status: string }>(rows: T[]) => rows.filter((r) => r.status === 'published');
  const gone = (rows: { id: string; status: string }[]) => rows.filter((r) => r.status === 'archived').map((r) => r.id);
  return {
    cursor: upTo,
    removed: { modules: gone(modules), lessons: gone(lessons), questions: removedQuestions.map((q) => q.id) },
    modules: live(modules).map((m) => ({
      id: m.id,
      slug: m.slug,
      sortOrder: m.sortOrder,
      theme: m.theme,
      title: { zh: m.titleZh, en: m.titleEn },
      summary: { zh: m.summaryZh, en: m.summaryEn },
    })),
    lessons: live(lessons).map((l) => ({
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
    retiredLaws,
    ...activity,
    ...consult,
    thesaurus: thesaurus.map((t) => ({
      word: t.word,
      phrases: JSON.parse(t.phrases) as string[],
      theme: t.theme,
      removed: Boolean(t.removed),
    })),
  };
}
