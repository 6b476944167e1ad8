import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { QuestionType } from '@/lib/quiz/types';
import type { QuestionSaved } from '@/lib/validations/question';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle, type Trx } from '../db/client';
import { httpError } from '../http';
import { checkCites } from './content';

/**
 * Writing one question at a time. A draft stays off the phones; publishing (or saving a published question) takes a
 * new change sequence, so practice questions reach phones on their next pull and exam-pool questions become
 * available to exam papers; taking a published question back to draft takes it off the phones again. The shipped
 * content/ never overwrites a question an administrator touched.
 */
export interface QuestionRecord extends QuestionSaved {
  id: string;
}

const PAGE_SIZE = 30;

function toRecord(row: {
  id: string;
  moduleId: string;
  type: QuestionType;
  stem: string;
  options: string;
  answer: string;
  explanation: string;
  basis: string;
  tags: string;
  difficulty: number;
  pool: 'practice' | 'exam';
  status: string;
}): QuestionRecord {
  return {
    id: row.id,
    moduleId: row.moduleId,
    type: row.type,
    stem: row.stem,
    options: JSON.parse(row.options) as string[],
    answer: JSON.parse(row.answer) as number[] | boolean,
    explanation: row.explanation,
    basis: JSON.parse(row.basis) as string[],
    tags: JSON.parse(row.tags) as string[],
    difficulty: row.difficulty,
    pool: row.pool,
    status: row.status === 'published' ? 'published' : 'draft',
  };
}

/** Questions not archived, newest edits first within each module, 30 a page; q matches the stem or a tag. */
export async function listQuestions(db: Db, opts: { q?: string; moduleId?: string; page: number }) {
  let query = db.selectFrom('question').where('status', '!=', 'archived');
  if (opts.moduleId) query = query.where('moduleId', '=', opts.moduleId);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('stem', 'like', like), eb('tags', 'like', like)]));
  }
  const rows = await query
    .selectAll()
    .orderBy('moduleId')
    .orderBy('sortOrder')
    .limit(PAGE_SIZE)
    .offset((opts.page - 1) * PAGE_SIZE)
    .execute();
  const count = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const tags = [...new Set((await db.selectFrom('question').select('tags').execute()).flatMap((q) => JSON.parse(q.tags) as string[]))];
  return { questions: rows.map(toRecord), total: Number(count?.n ?? 0), pageSize: PAGE_SIZE, tags: tags.sort() };
}

export async function getQuestion(db: Db, id: string): Promise<QuestionRecord> {
  const row = await db.selectFrom('question').selectAll().where('id', '=', id).where('status', '!=', 'archived').executeTakeFirst();
  if (!row) throw httpError(404, 'QUESTION_NOT_FOUND');
  return toRecord(row);
}

/** Creates a question (id null) or saves an edit; see the file header for what reaches the phones. */
export async function saveQuestion(handle: DbHandle, id: string | null, input: QuestionSaved): Promise<QuestionRecord> {
  const { db } = handle;
  const moduleRow = await db.selectFrom('module').select('status').where('id', '=', input.moduleId).executeTakeFirst();
  if (!moduleRow) throw httpError(422, 'MODULE_NOT_FOUND', undefined, { moduleId: 'validation.questionModule' });
  if (moduleRow.status === 'archived') throw httpError(409, 'MODULE_ARCHIVED', undefined, { moduleId: 'MODULE_ARCHIVED' });
  const had = id ? ((await db.selectFrom('question').select('basis').where('id', '=', id).executeTakeFirst())?.basis ?? '[]') : '[]';
  const kept = new Set(JSON.parse(had) as string[]);
  // Only citations the admin added are checked, so a question citing a law not (yet) imported can still be edited.
  await checkCites(
    db,
    input.basis.filter((b) => !kept.has(b)),
    'basis',
  );
  const now = new Date().toISOString();
  const columns = {
    moduleId: input.moduleId,
    type: input.type,
    stem: input.stem,
    options: JSON.stringify(input.options),
    answer: JSON.stringify(input.answer),
    explanation: input.explanation,
    basis: JSON.stringify(input.basis),
    tags: JSON.stringify(input.tags),
    difficulty: input.difficulty,
    pool: input.pool,
    status: input.status,
    adminEdited: 1,
    updatedAt: now,
  };
  const savedId = await writeTransaction(handle, async (trx) => {
    if (!id) {
      const newId = `${input.moduleId}-q-${uuidv7()}`;
      const last = await trx
        .selectFrom('question')
        .select(sql<number>`max("sortOrder")`.as('n'))
        .where('moduleId', '=', input.moduleId)
        .executeTakeFirst();
      await trx
        .insertInto('question')
        .values({
          id: newId,
          sortOrder: Number(last?.n ?? 0) + 1,
          ...columns,
          changeSeq: input.status === 'published' ? await nextChangeSeq(trx) : 0,
        })
        .execute();
      return newId;
    }
    const current = await trx.selectFrom('question').selectAll().where('id', '=', id).where('status', '!=', 'archived').executeTakeFirst();
    if (!current) throw httpError(404, 'QUESTION_NOT_FOUND');
    // Phones keep a published practice question with its key; it cannot silently become an exam question.
    if (current.status === 'published' && current.pool === 'practice' && input.pool === 'exam')
      throw httpError(409, 'QUESTION_POOL_LOCKED', undefined, { pool: 'QUESTION_POOL_LOCKED' });
    const keyChanged =
      current.type !== columns.type ||
      current.options !== columns.options ||
      current.answer !== columns.answer ||
      current.pool !== columns.pool;
    if (current.pool === 'exam' && keyChanged && (await onOpenPaper(trx, id, now)))
      throw httpError(409, 'QUESTION_ON_OPEN_PAPER', undefined, { answer: 'QUESTION_ON_OPEN_PAPER' });
    // A draft edit of a draft changes nothing on the phones; anything else (publishing, unpublishing, a live edit) does.
    const reachesPhones = current.status === 'published' || input.status === 'published';
    await trx
      .updateTable('question')
      .set({ ...columns, ...(reachesPhones ? { changeSeq: await nextChangeSeq(trx) } : {}) })
      .where('id', '=', id)
      .execute();
    return id;
  });
  return getQuestion(db, savedId);
}

/** Whether the question is on a paper someone downloaded for an exam that has not closed: its key must not change. */
async function onOpenPaper(trx: Trx, id: string, now: string): Promise<boolean> {
  const found = await trx
    .selectFrom('examPaper')
    .innerJoin('exam', 'exam.id', 'examPaper.examId')
    .select('examPaper.id')
    .where('exam.closesAt', '>', now)
    .where('examPaper.questionIds', 'like', `%${JSON.stringify(id)}%`)
    .limit(1)
    .executeTakeFirst();
  return Boolean(found);
}
