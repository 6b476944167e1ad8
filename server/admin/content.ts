import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { parseCitation } from '@/lib/content/lesson-file';
import type { LessonInput, ModuleInput } from '@/lib/validations/admin';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle } from '../db/client';
import { httpError } from '../http';

/**
 * Content authoring. A new module or lesson starts as a draft that phones never see; an edit to a published lesson
 * waits in `draft` until it is published; publishing takes a new change sequence, so phones get it on their next
 * pull. Deleting content that learners have progress on archives it (phones drop it; records and figures stay).
 * Everything an admin touches is marked `adminEdited`, and the shipped content/ never overwrites it.
 */
export interface ContentLesson {
  id: string;
  moduleId: string;
  title: string;
  status: string;
  pendingEdit: boolean;
}
export interface ContentModule {
  id: string;
  titleZh: string;
  titleEn: string;
  status: string;
  lessons: ContentLesson[];
}

export async function listContent(db: Db): Promise<ContentModule[]> {
  const modules = await db.selectFrom('module').select(['id', 'titleZh', 'titleEn', 'status']).orderBy('sortOrder').execute();
  const lessons = await db
    .selectFrom('lesson')
    .select(['id', 'moduleId', 'title', 'status', 'draft'])
    .orderBy('moduleId')
    .orderBy('sortOrder')
    .execute();
  return modules.map((m) => ({
    ...m,
    lessons: lessons
      .filter((l) => l.moduleId === m.id)
      .map((l) => ({ id: l.id, moduleId: l.moduleId, title: l.title, status: l.status, pendingEdit: l.draft !== null })),
  }));
}

export async function getLessonForEdit(db: Db, id: string): Promise<LessonInput & { id: string; status: string }> {
  const row = await db.selectFrom('lesson').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw httpError(404, 'LESSON_NOT_FOUND');
  if (row.draft) return { id, status: row.status, ...(JSON.parse(row.draft) as LessonInput) };
  const cites = (JSON.parse(row.cites) as { law: string; article: number; sub?: number }[]).map(
    (c) => `${c.law}:${c.article}${c.sub ? `-${c.sub}` : ''}`,
  );
  return {
    id,
    status: row.status,
    moduleId: row.moduleId,
    title: row.title,
    titleEn: row.titleEn,
    minutes: row.minutes,
    body: row.body,
    cites,
  };
}

/** Refuses (422, on `field`) a citation that is not an article of a current law in the library. */
export async function checkCites(db: Db, cites: string[], field = 'cites'): Promise<void> {
  for (const ref of cites) {
    const c = parseCitation(ref);
    const found = await db
      .selectFrom('lawArticle')
      .innerJoin('law', 'law.id', 'lawArticle.lawId')
      .select('lawArticle.number')
      .where('law.shortTitle', '=', c.law)
      .where('law.supersededAt', 'is', null)
      .where('lawArticle.number', '=', c.article)
      .where('lawArticle.sub', '=', c.sub ?? 0)
      .executeTakeFirst();
    if (!found) throw httpError(422, 'CITATION_NOT_IN_LIBRARY', { ref }, { [field]: 'CITATION_NOT_IN_LIBRARY' });
  }
}

function lessonColumns(input: LessonInput) {
  return {
    moduleId: input.moduleId,
    title: input.title,
    titleEn: input.titleEn,
    minutes: input.minutes,
    body: input.body,
    cites: JSON.stringify(input.cites.map(parseCitation)),
  };
}

/** Saves a lesson as a draft (a new one, or a pending edit of a published one); phones see nothing until it is published. */
export async function saveLesson(handle: DbHandle, id: string | null, input: LessonInput): Promise<{ id: string }> {
  // Only citations the admin added are checked, so a lesson citing a law not (yet) imported can still be edited.
  const had = id ? ((await getLessonForEdit(handle.db, id).catch(() => undefined))?.cites ?? []) : [];
  await checkCites(
    handle.db,
    input.cites.filter((c) => !had.includes(c)),
  );
  const moduleRow = await handle.db.selectFrom('module').select(['id', 'status']).where('id', '=', input.moduleId).executeTakeFirst();
  if (!moduleRow) throw httpError(422, 'MODULE_NOT_FOUND', undefined, { moduleId: 'validation.moduleNotFound' });
  // A lesson published into an archived module would reach phones that no longer hold its module.
  if (moduleRow.status === 'archived') throw httpError(409, 'MODULE_ARCHIVED', undefined, { moduleId: 'MODULE_ARCHIVED' });
  const now = new Date().toISOString();
  return writeTransaction(handle, async (trx) => {
    if (!id) {
      const newId = `l-${uuidv7()}`;
      const last = await trx
        .selectFrom('lesson')
        .select(sql<number>`max("sortOrder")`.as('n'))
        .where('moduleId', '=', input.moduleId)
        .executeTakeFirst();
      await trx
        .insertInto('lesson')
        .values({
          id: newId,
          slug: newId,
          sortOrder: Number(last?.n ?? 0) + 1,
          ...lessonColumns(input),
          changeSeq: 0,
          updatedAt: now,
          status: 'draft',
          adminEdited: 1,
        })
        .execute();
      return { id: newId };
    }
    const current = await trx.selectFrom('lesson').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!current) throw httpError(404, 'LESSON_NOT_FOUND');
    if (current.status === 'draft')
      await trx
        .updateTable('lesson')
        .set({ ...lessonColumns(input), updatedAt: now, adminEdited: 1 })
        .where('id', '=', id)
        .execute();
    else
      await trx
        .updateTable('lesson')
        .set({ draft: JSON.stringify(input), adminEdited: 1 })
        .where('id', '=', id)
        .execute();
    return { id };
  });
}

/** Publishes a lesson (and its module, when that is still a draft): phones receive it on their next pull. */
export async function publishLesson(handle: DbHandle, id: string): Promise<void> {
  await writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('lesson').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'LESSON_NOT_FOUND');
    const seq = await nextChangeSeq(trx);
    const now = new Date().toISOString();
    const pending: Partial<ReturnType<typeof lessonColumns>> = row.draft ? lessonColumns(JSON.parse(row.draft) as LessonInput) : {};
    await trx
      .updateTable('lesson')
      .set({ ...pending, draft: null, status: 'published', adminEdited: 1, changeSeq: seq, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('module')
      .set({ status: 'published', changeSeq: seq, updatedAt: now })
      .where('id', '=', pending.moduleId ?? row.moduleId)
      .where('status', '=', 'draft')
      .execute();
  });
}

/** Deletes a lesson nobody ever saw; archives one that was published (learners' progress and figures stay). */
export async function deleteLesson(handle: DbHandle, id: string): Promise<{ archived: boolean }> {
  return writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('lesson').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'LESSON_NOT_FOUND');
    const used = await trx.selectFrom('lessonProgress').select('lessonId').where('lessonId', '=', id).limit(1).executeTakeFirst();
    const tasked = await trx.selectFrom('studyTask').select('id').where('lessonId', '=', id).limit(1).executeTakeFirst();
    if (row.status === 'draft' && !used && !tasked) {
      await trx.deleteFrom('lesson').where('id', '=', id).execute();
      return { archived: false };
    }
    await trx
      .updateTable('lesson')
      .set({ status: 'archived', draft: null, adminEdited: 1, changeSeq: await nextChangeSeq(trx), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    return { archived: true };
  });
}

/** Creates a module as a draft (published with its first lesson) or edits one; an edit of a published module is live at once. */
export async function saveModule(handle: DbHandle, id: string | null, input: ModuleInput): Promise<{ id: string }> {
  const now = new Date().toISOString();
  return writeTransaction(handle, async (trx) => {
    if (!id) {
      const newId = `m-${uuidv7()}`;
      const last = await trx
        .selectFrom('module')
        .select(sql<number>`max("sortOrder")`.as('n'))
        .executeTakeFirst();
      await trx
        .insertInto('module')
        .values({
          id: newId,
          slug: newId,
          sortOrder: Number(last?.n ?? 0) + 1,
          ...input,
          changeSeq: 0,
          updatedAt: now,
          status: 'draft',
          adminEdited: 1,
        })
        .execute();
      return { id: newId };
    }
    const row = await trx.selectFrom('module').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'MODULE_NOT_FOUND');
    await trx
      .updateTable('module')
      .set({ ...input, adminEdited: 1, updatedAt: now, ...(row.status === 'published' ? { changeSeq: await nextChangeSeq(trx) } : {}) })
      .where('id', '=', id)
      .execute();
    return { id };
  });
}

/**
 * Archives a module: it and every lesson in it leave the phones' catalogue on their next pull (`removed`), while
 * learners' progress, tasks, questions and every report figure stay as they were.
 */
export async function archiveModule(handle: DbHandle, id: string): Promise<void> {
  await writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('module').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'MODULE_NOT_FOUND');
    if (row.status === 'archived') return;
    const seq = await nextChangeSeq(trx);
    const now = new Date().toISOString();
    await trx
      .updateTable('module')
      .set({ status: 'archived', adminEdited: 1, changeSeq: seq, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('lesson')
      .set({ status: 'archived', draft: null, adminEdited: 1, changeSeq: seq, updatedAt: now })
      .where('moduleId', '=', id)
      .where('status', '!=', 'archived')
      .execute();
  });
}

/**
 * Deletes a module nobody ever saw or used: a draft whose lessons have no progress and that no task, question or study record
 * names. Anything else is archived instead, so history and figures stay.
 */
export async function deleteModule(handle: DbHandle, id: string): Promise<{ archived: boolean }> {
  const deleted = await writeTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('module').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw httpError(404, 'MODULE_NOT_FOUND');
    const lessonIds = (await trx.selectFrom('lesson').select('id').where('moduleId', '=', id).execute()).map((l) => l.id);
    const progress = lessonIds.length
      ? await trx.selectFrom('lessonProgress').select('lessonId').where('lessonId', 'in', lessonIds).limit(1).executeTakeFirst()
      : undefined;
    const task = await trx
      .selectFrom('studyTask')
      .select('id')
      .where((eb) => eb.or([eb('moduleId', '=', id), ...(lessonIds.length ? [eb('lessonId', 'in', lessonIds)] : [])]))
      .limit(1)
      .executeTakeFirst();
    const question = await trx.selectFrom('question').select('id').where('moduleId', '=', id).limit(1).executeTakeFirst();
    const event = lessonIds.length
      ? await trx.selectFrom('studyEvent').select('lessonId').where('lessonId', 'in', lessonIds).limit(1).executeTakeFirst()
      : undefined;
    if (row.status !== 'draft' || progress || task || question || event) return false;
    await trx.deleteFrom('lesson').where('moduleId', '=', id).execute();
    await trx.deleteFrom('module').where('id', '=', id).execute();
    return true;
  });
  if (deleted) return { archived: false };
  await archiveModule(handle, id);
  return { archived: true };
}

export interface ArticleHit {
  ref: string;
  law: string;
  label: string;
  text: string;
}

/** The citation picker: articles of current laws whose short title, label or text holds the query. */
export async function searchArticles(db: Db, q: string): Promise<ArticleHit[]> {
  const like = `%${q}%`;
  const rows = await db
    .selectFrom('lawArticle')
    .innerJoin('law', 'law.id', 'lawArticle.lawId')
    .select(['law.shortTitle', 'lawArticle.number', 'lawArticle.sub', 'lawArticle.label', 'lawArticle.paragraphs'])
    .where('law.supersededAt', 'is', null)
    .where((eb) => eb.or([eb('lawArticle.paragraphs', 'like', like), eb('lawArticle.label', 'like', like), eb('law.shortTitle', '=', q)]))
    .orderBy('law.shortTitle')
    .orderBy('lawArticle.number')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    ref: `${r.shortTitle}:${r.number}${r.sub ? `-${r.sub}` : ''}`,
    law: r.shortTitle,
    label: r.label,
    text: (JSON.parse(r.paragraphs) as string[]).join('').slice(0, 120),
  }));
}
