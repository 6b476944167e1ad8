import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseBasis, QUESTION_TYPES, type PaperQuestion, type PracticeQuestion, type Response } from '@/lib/quiz/types';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle } from '../db/client';
import type { Selectable } from 'kysely';
import type { QuestionTable } from '../db/schema';

/**
 * The question bank, loaded from content/questions/<module-slug>.json (format in content/README.md). Every third
 * question of each module (…-003, …-006, …) is reserved for formal exams: only the practice pool travels to phones
 * with its key, so a formal exam's key never sits on a phone before the attempt is submitted.
 */
const questionFileSchema = z.array(
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+-\d{3}$/),
      type: z.enum(QUESTION_TYPES),
      stem: z.string().min(1),
      options: z.array(z.string().min(1)).min(3).max(5).optional(),
      answer: z.union([z.array(z.number().int().min(0)).min(1), z.boolean()]),
      explanation: z.string().min(1),
      // 短名:条号, 条号 as 1042 or, for 刑法's inserted articles (第X条之Y), 133-1
      basis: z.array(z.string().regex(/^[^:]+:\d+(?:-\d+)?$/)).min(1),
      tags: z.array(z.string().min(1)).min(1),
      difficulty: z.number().int().min(1).max(3),
    })
    .refine(
      (q) =>
        q.type === 'truefalse'
          ? typeof q.answer === 'boolean' && !q.options
          : Array.isArray(q.answer) && q.options && q.answer.every((i) => i < q.options!.length),
      {
        message: 'answer does not fit the type and options',
      },
    )
    .refine((q) => q.type !== 'single' || (Array.isArray(q.answer) && q.answer.length === 1), {
      message: 'single needs exactly one answer',
    })
    .refine((q) => q.type !== 'multiple' || (Array.isArray(q.answer) && q.answer.length >= 2), {
      message: 'multiple needs two or more answers',
    }),
);

type QuestionRow = Omit<QuestionTable, 'changeSeq' | 'updatedAt' | 'status' | 'adminEdited'>;

export function examPoolIndex(index: number): boolean {
  return index % 3 === 2;
}

export function readShippedQuestions(root: string): QuestionRow[] {
  const dir = path.join(root, 'questions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const moduleId = file.replace(/\.json$/, '');
      const parsed = questionFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new Error(`content/questions/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data.map((q, i): QuestionRow => ({
        id: q.id,
        moduleId,
        type: q.type,
        stem: q.stem,
        options: JSON.stringify(q.options ?? []),
        answer: JSON.stringify(q.answer),
        explanation: q.explanation,
        basis: JSON.stringify(q.basis),
        tags: JSON.stringify(q.tags),
        difficulty: q.difficulty,
        pool: examPoolIndex(i) ? 'exam' : 'practice',
        sortOrder: i + 1,
      }));
    });
}

/**
 * Inserts new questions and updates changed ones; unchanged questions keep their change sequence. A question an
 * administrator edited, archived or deleted is never overwritten or brought back (deleted ids are kept as archived).
 */
export async function loadShippedQuestions(handle: DbHandle, root: string): Promise<{ questions: number; changed: number }> {
  const shipped = readShippedQuestions(root);
  let changed = 0;
  await writeTransaction(handle, async (trx) => {
    let seq: number | undefined;
    const take = async () => (seq ??= await nextChangeSeq(trx));
    const now = new Date().toISOString();
    const existing = new Map((await trx.selectFrom('question').selectAll().execute()).map((q) => [q.id, q]));
    for (const row of shipped) {
      const current = existing.get(row.id);
      // An administrator's edit, archive or deletion wins over the shipped file (content/README.md).
      if (current && (current.adminEdited || current.status !== 'published')) continue;
      if (!current) {
        await trx
          .insertInto('question')
          .values({ ...row, changeSeq: await take(), updatedAt: now })
          .execute();
        changed++;
      } else if (Object.entries(row).some(([k, v]) => current[k as keyof QuestionRow] !== v)) {
        await trx
          .updateTable('question')
          .set({ ...row, changeSeq: await take(), updatedAt: now })
          .where('id', '=', row.id)
          .execute();
        changed++;
      }
    }
  });
  return { questions: shipped.length, changed };
}

export function toPaperQuestion(row: Pick<QuestionTable, 'id' | 'type' | 'stem' | 'options'>): PaperQuestion {
  return { id: row.id, type: row.type, stem: row.stem, options: JSON.parse(row.options) as string[] };
}

export function answerOf(row: Pick<QuestionTable, 'answer'>): Response {
  return JSON.parse(row.answer) as Response;
}

export function toPracticeQuestion(row: Selectable<QuestionTable>): PracticeQuestion {
  return {
    ...toPaperQuestion(row),
    moduleId: row.moduleId,
    answer: answerOf(row),
    explanation: row.explanation,
    basis: (JSON.parse(row.basis) as string[]).map(parseBasis),
    tags: JSON.parse(row.tags) as string[],
    difficulty: row.difficulty,
  };
}
