import 'server-only';
import type { LawCategory, LawDetail, LawHeadingRecord, LawSummary } from '@/lib/laws/types';
import type { DbHandle } from '../db/client';
import type { LawTable } from '../db/schema';

/** Reading the law library: the current version of every law, and one version with its articles. */
function toSummary(row: LawTable): LawSummary {
  return {
    id: row.id,
    shortTitle: row.shortTitle,
    title: row.title,
    category: row.category as LawCategory,
    versionDate: row.versionDate,
    version: row.version,
    articleCount: row.articleCount,
    textBytes: row.textBytes,
    importedAt: row.importedAt,
  };
}

export async function listLaws(handle: DbHandle): Promise<LawSummary[]> {
  const rows = await handle.db
    .selectFrom('law')
    .selectAll()
    .where('supersededAt', 'is', null)
    .where('retiredAt', 'is', null)
    .orderBy('category')
    .orderBy('shortTitle')
    .execute();
  return rows.map(toSummary);
}

/**
 * A version by id (superseded ones too, so a phone can finish a download that began before an import; not a retired
 * one, which phones must drop).
 */
export async function getLaw(handle: DbHandle, id: string): Promise<LawDetail | null> {
  const row = await handle.db.selectFrom('law').selectAll().where('id', '=', id).where('retiredAt', 'is', null).executeTakeFirst();
  if (!row) return null;
  const articles = await handle.db.selectFrom('lawArticle').selectAll().where('lawId', '=', id).orderBy('number').orderBy('sub').execute();
  return {
    ...toSummary(row),
    history: JSON.parse(row.history) as string[],
    preamble: JSON.parse(row.preamble) as string[],
    headings: JSON.parse(row.headings) as LawHeadingRecord[],
    articles: articles.map((a) => ({
      law: row.shortTitle,
      number: a.number,
      sub: a.sub,
      label: a.label,
      headingPath: JSON.parse(a.headingPath) as string[],
      paragraphs: JSON.parse(a.paragraphs) as string[],
    })),
  };
}
