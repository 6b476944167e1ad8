import 'server-only';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { checkQuestionRows, checkUserRows, QUESTION_COLUMNS, type RowError, type RowResult } from '@/lib/admin/import-rows';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle } from '../db/client';
import { httpError } from '../http';
import { hashPassword } from '../passwords';
import { insertAccount } from '../users';

/**
 * Bulk imports of questions and people. The same call previews (every row with its errors) and, when confirmed,
 * imports; a file with any bad row imports nothing, and the import is one transaction.
 */
export interface ImportPreview<T> {
  header?: RowError;
  rows: RowResult<T>[];
  ok: number;
  bad: number;
  imported: number;
}

function summarise<T>(checked: { header?: RowError; rows: RowResult<T>[] }): ImportPreview<T> {
  const bad = checked.rows.filter((r) => r.errors.length > 0).length;
  return { ...checked, ok: checked.rows.length - bad, bad, imported: 0 };
}

export async function importQuestions(handle: DbHandle, rows: string[][], confirm: boolean) {
  const { db } = handle;
  const modules = new Set((await db.selectFrom('module').select('id').where('status', '!=', 'archived').execute()).map((m) => m.id));
  const tags = new Set((await db.selectFrom('question').select('tags').execute()).flatMap((q) => JSON.parse(q.tags) as string[]));
  const preview = summarise(checkQuestionRows(rows, { modules, tags }));
  if (!confirm || preview.header || preview.bad > 0 || preview.ok === 0) return preview;
  await writeTransaction(handle, async (trx) => {
    const seq = await nextChangeSeq(trx);
    const now = new Date().toISOString();
    for (const [i, { value: q }] of preview.rows.entries()) {
      if (!q) continue;
      await trx
        .insertInto('question')
        .values({
          id: `${q.moduleId}-imp-${uuidv7()}`,
          moduleId: q.moduleId,
          type: q.type,
          stem: q.stem,
          options: JSON.stringify(q.options),
          answer: JSON.stringify(q.answer),
          explanation: q.explanation,
          basis: JSON.stringify(q.basis),
          tags: JSON.stringify(q.tags),
          difficulty: q.difficulty,
          pool: q.pool,
          sortOrder: 10000 + i,
          changeSeq: seq,
          updatedAt: now,
          status: 'published',
          adminEdited: 1,
        })
        .execute();
    }
  });
  return { ...preview, imported: preview.ok };
}

export async function exportQuestions(db: Db): Promise<(string | number)[][]> {
  const rows = await db
    .selectFrom('question')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('moduleId')
    .orderBy('sortOrder')
    .execute();
  const typeName = { single: '单选', multiple: '多选', truefalse: '判断' } as const;
  return [
    [...QUESTION_COLUMNS],
    ...rows.map((q) => {
      const options = JSON.parse(q.options) as string[];
      const answer = JSON.parse(q.answer) as number[] | boolean;
      return [
        q.moduleId,
        typeName[q.type],
        q.stem,
        ...[0, 1, 2, 3, 4].map((i) => options[i] ?? ''),
        typeof answer === 'boolean' ? (answer ? '对' : '错') : answer.map((i) => String.fromCharCode(65 + i)).join(''),
        q.explanation,
        (JSON.parse(q.basis) as string[]).join(';'),
        (JSON.parse(q.tags) as string[]).join(';'),
        q.difficulty,
        q.pool === 'exam' ? '考试' : '练习',
      ];
    }),
  ];
}

export async function importUsers(handle: DbHandle, rows: string[][], confirm: boolean, password: string | undefined) {
  const { db } = handle;
  const units = await db.selectFrom('orgUnit').select(['id', 'name']).where('retiredAt', 'is', null).execute();
  const villages = new Map<string, string[]>();
  for (const u of units) villages.set(u.name, [...(villages.get(u.name) ?? []), u.id]);
  const phones = new Set<string>();
  const candidates = rows.flat().filter((c) => /^1\d{10}$/.test(c.trim()));
  for (let i = 0; i < candidates.length; i += 500) {
    const found = await db
      .selectFrom('user')
      .select('username')
      .where('username', 'in', candidates.slice(i, i + 500))
      .execute();
    for (const f of found) if (f.username) phones.add(f.username);
  }
  const preview = summarise(checkUserRows(rows, { villages, phones }));
  if (!confirm || preview.header || preview.bad > 0 || preview.ok === 0) return preview;
  if (!password) throw httpError(422, 'INITIAL_PASSWORD_REQUIRED', undefined, { password: 'INITIAL_PASSWORD_REQUIRED' });
  // One hash for the shared initial password; everyone imported must choose their own at first sign-in.
  const hash = await hashPassword(password);
  await writeTransaction(handle, async (trx) => {
    const now = new Date();
    for (const { value: u } of preview.rows) if (u) await insertAccount(trx, uuidv7(), u, hash, now, { mustChangePassword: true });
  });
  return { ...preview, imported: preview.ok };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
