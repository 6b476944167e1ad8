import 'server-only';
import type { LawCitation, LawRetirement } from '@/lib/laws/types';
import type { Citation } from '@/lib/study/types';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle, type Trx } from '../db/client';
import { httpError } from '../http';

/**
 * Retiring a law imported by mistake. The admin first sees every lesson and question that cites it; retiring marks
 * every version of the law retired (nothing is deleted: history and past imports stay), so it leaves the library
 * list and, on their next pull, the phones that kept it. Importing the law again later brings it back as a new version.
 */
async function currentLaw(db: Db | Trx, id: string) {
  const law = await db.selectFrom('law').select(['id', 'shortTitle', 'title', 'retiredAt']).where('id', '=', id).executeTakeFirst();
  if (!law) throw httpError(404, 'LAW_NOT_FOUND');
  return law;
}

export async function lawCitations(db: Db | Trx, id: string): Promise<{ shortTitle: string; title: string; citations: LawCitation[] }> {
  const law = await currentLaw(db, id);
  const lessons = await db.selectFrom('lesson').select(['slug', 'title', 'cites']).orderBy('slug').execute();
  const questions = await db.selectFrom('question').select(['id', 'stem', 'basis']).orderBy('id').execute();
  const citations: LawCitation[] = [
    ...lessons.flatMap((l) =>
      (JSON.parse(l.cites) as Citation[])
        .filter((c) => c.law === law.shortTitle)
        .map((c) => ({ source: 'lesson' as const, id: l.slug, title: l.title, article: c.article })),
    ),
    ...questions.flatMap((q) =>
      (JSON.parse(q.basis) as string[])
        .filter((ref) => ref.split(':')[0] === law.shortTitle)
        .map((ref) => ({ source: 'question' as const, id: q.id, title: q.stem, article: Number(ref.split(':')[1]) })),
    ),
  ];
  return { shortTitle: law.shortTitle, title: law.title, citations };
}

export async function retireLaw(handle: DbHandle, id: string, adminId: string): Promise<LawRetirement> {
  return writeTransaction(handle, async (trx) => {
    const law = await currentLaw(trx, id);
    if (law.retiredAt) throw httpError(409, 'LAW_ALREADY_RETIRED');
    const { citations } = await lawCitations(trx, id);
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('law')
      .set({ retiredAt: now, retiredBy: adminId, changeSeq: await nextChangeSeq(trx) })
      .where('shortTitle', '=', law.shortTitle)
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
    return { shortTitle: law.shortTitle, title: law.title, versions: Number(result.numUpdatedRows), retiredAt: now, citations };
  });
}

/** Short titles retired in (cursor, upTo] that have no live version: phones delete them on their next pull. */
export async function retiredLawsSince(db: Db, cursor: number, upTo: number): Promise<string[]> {
  const retired = await db
    .selectFrom('law')
    .select('shortTitle')
    .distinct()
    .where('retiredAt', 'is not', null)
    .where('changeSeq', '>', cursor)
    .where('changeSeq', '<=', upTo)
    .execute();
  if (retired.length === 0) return [];
  const live = await db
    .selectFrom('law')
    .select('shortTitle')
    .where('retiredAt', 'is', null)
    .where(
      'shortTitle',
      'in',
      retired.map((r) => r.shortTitle),
    )
    .execute();
  const kept = new Set(live.map((l) => l.shortTitle));
  return retired.map((r) => r.shortTitle).filter((t) => !kept.has(t));
}
