import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCitation } from '@/lib/content/lesson-file';
import { articleKey } from '@/lib/laws/article-ref';
import type { BrokenCitation } from '@/lib/laws/types';
import type { Citation } from '@/lib/study/types';
import type { Trx } from '../db/client';

/**
 * Citations that point at no article of the current version of their law: lessons from the database, questions
 * from the shipped files in content/questions (their `basis`). Only laws in `laws` are checked, so a library
 * that has not imported a law yet is not reported as broken.
 */
interface Cited extends Citation {
  source: BrokenCitation['source'];
  id: string;
}

function shippedQuestionCitations(contentRoot: string): Cited[] {
  const dir = path.join(contentRoot, 'questions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const questions = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { id?: string; basis?: unknown }[];
      return questions.flatMap((q) =>
        (Array.isArray(q.basis) ? q.basis : []).flatMap((ref) => {
          try {
            return [{ source: 'question' as const, id: q.id ?? f, ...parseCitation(String(ref)) }];
          } catch {
            return [];
          }
        }),
      );
    });
}

export async function brokenCitations(trx: Trx, laws: string[], contentRoot = path.resolve('content')): Promise<BrokenCitation[]> {
  if (laws.length === 0) return [];
  const checked = new Set(laws);
  const lessons = await trx.selectFrom('lesson').select(['slug', 'cites']).orderBy('slug').execute();
  const cited: Cited[] = [
    ...lessons.flatMap((l) => (JSON.parse(l.cites) as Citation[]).map((c) => ({ source: 'lesson' as const, id: l.slug, ...c }))),
    ...shippedQuestionCitations(contentRoot),
  ].filter((c) => checked.has(c.law));
  if (cited.length === 0) return [];

  const rows = await trx
    .selectFrom('lawArticle')
    .innerJoin('law', 'law.id', 'lawArticle.lawId')
    .select(['law.shortTitle', 'lawArticle.number', 'lawArticle.sub'])
    .where('law.supersededAt', 'is', null)
    .where('law.shortTitle', 'in', [...checked])
    .execute();
  const present = new Set(rows.map((r) => `${r.shortTitle}:${articleKey(r.number, r.sub)}`));
  return cited
    .filter((c) => !present.has(`${c.law}:${articleKey(c.article, c.sub)}`))
    .map(({ source, id, law, article, sub }) => ({ source, id, law, article, ...(sub ? { sub } : {}) }));
}
