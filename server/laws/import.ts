import 'server-only';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { LawCategory, LawImportOutcome, LawImportResult } from '@/lib/laws/types';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type DbHandle, type Trx } from '../db/client';
import { readCategoryIndex } from './categories';
import { brokenCitations } from './citations';
import { LawImportError, type LawFile } from './law-file';
import { parseLawFilesOffThread } from './parse-off-thread';
import { prepareLaws, type PreparedLaw } from './prepare';

/**
 * The law importer: parses every file first, then stores all laws in one transaction, so a malformed file or an
 * older version imports nothing. A law whose text is unchanged is skipped; changed text becomes a new version
 * and the previous one is marked superseded (kept, never deleted).
 */
export type ImportProgress =
  { stage: 'parse'; file: string; done: number; total: number } | { stage: 'write'; law: string; done: number; total: number };

export interface ImportOptions {
  category?: LawCategory;
  importedBy?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /** LawRefBook's lawrefbook-index.sqlite3, used for categories when the file exists */
  categoryIndexFile?: string;
  contentRoot?: string;
}

export const DEFAULT_CATEGORY_INDEX = path.resolve('..', 'shared', 'laws', 'lawrefbook-index.sqlite3');
const ARTICLE_BATCH = 200;

export async function importLaws(handle: DbHandle, files: LawFile[], opts: ImportOptions = {}): Promise<LawImportResult> {
  if (files.length === 0) throw new LawImportError(422, '', null, '没有要导入的文件 / no files to import');
  const parsed = await parseLawFilesOffThread(files, (file, done) =>
    opts.onProgress?.({ stage: 'parse', file, done, total: files.length }),
  );
  const index = opts.category ? undefined : readCategoryIndex(opts.categoryIndexFile ?? DEFAULT_CATEGORY_INDEX);
  const prepared = prepareLaws(parsed, { category: opts.category, index });
  return writeTransaction(handle, async (trx) => {
    // Taking the sequence first locks the counter row, so two imports of one law never race for a version number.
    const seq = await nextChangeSeq(trx);
    const outcomes: LawImportOutcome[] = [];
    for (const [k, item] of prepared.entries()) {
      outcomes.push(await storeLaw(trx, item, seq, opts));
      opts.onProgress?.({ stage: 'write', law: item.law.shortTitle, done: k + 1, total: prepared.length });
    }
    const changed = outcomes.filter((o) => o.status !== 'unchanged').map((o) => o.shortTitle);
    return { laws: outcomes, brokenCitations: await brokenCitations(trx, changed, opts.contentRoot) };
  });
}

async function storeLaw(trx: Trx, item: PreparedLaw, seq: number, opts: ImportOptions): Promise<LawImportOutcome> {
  const { law } = item;
  const now = new Date().toISOString();
  const current = await trx
    .selectFrom('law')
    .selectAll()
    .where('shortTitle', '=', law.shortTitle)
    .where('supersededAt', 'is', null)
    .where('retiredAt', 'is', null)
    .executeTakeFirst();
  const outcome = {
    shortTitle: law.shortTitle,
    title: law.title,
    category: item.category,
    versionDate: law.versionDate,
    articles: law.articles.length,
  };

  if (current?.contentHash === item.contentHash) {
    if (opts.category && current.category !== opts.category) {
      await trx.updateTable('law').set({ category: opts.category, changeSeq: seq }).where('id', '=', current.id).execute();
    }
    return { ...outcome, category: opts.category ?? (current.category as LawCategory), version: current.version, status: 'unchanged' };
  }
  if (current?.versionDate && law.versionDate && law.versionDate < current.versionDate) {
    throw new LawImportError(
      409,
      item.files.join(', '),
      null,
      `${item.files.join(', ')}: 《${law.shortTitle}》的版本（${law.versionDate}）早于已导入的版本（${current.versionDate}），未导入任何文件 / this text (${law.versionDate}) is older than the imported version (${current.versionDate}); nothing was imported`,
    );
  }

  const last = await trx
    .selectFrom('law')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('shortTitle', '=', law.shortTitle)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  if (current) await trx.updateTable('law').set({ supersededAt: now, changeSeq: seq }).where('id', '=', current.id).execute();
  const id = uuidv7();
  await trx
    .insertInto('law')
    .values({
      id,
      shortTitle: law.shortTitle,
      title: law.title,
      category: item.category,
      versionDate: law.versionDate,
      version,
      history: JSON.stringify(law.history),
      preamble: JSON.stringify(law.preamble),
      headings: JSON.stringify(item.headings),
      articleCount: law.articles.length,
      textBytes: item.textBytes,
      contentHash: item.contentHash,
      sourceFiles: JSON.stringify(item.files),
      supersededAt: null,
      changeSeq: seq,
      importedAt: now,
      importedBy: opts.importedBy ?? null,
      retiredAt: null,
      retiredBy: null,
    })
    .execute();
  for (let i = 0; i < law.articles.length; i += ARTICLE_BATCH) {
    const rows = law.articles.slice(i, i + ARTICLE_BATCH).map((a) => ({
      lawId: id,
      number: a.number,
      sub: a.sub,
      label: a.label,
      headingPath: JSON.stringify(a.headingPath),
      paragraphs: JSON.stringify(a.paragraphs),
    }));
    await trx.insertInto('lawArticle').values(rows).execute();
  }
  return { ...outcome, version, status: current ? 'newVersion' : 'imported' };
}
