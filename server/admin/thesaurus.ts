import 'server-only';
import { normalizeText } from '@/lib/search/tokenize';
import { nextChangeSeq } from '../db/changes';
import { writeTransaction, type Db, type DbHandle } from '../db/client';
import { searchArticles, type ArticleHit } from './content';

/**
 * The everyday-words thesaurus (content/thesaurus.tsv) edited by administrators: check which articles a statute
 * phrase finds, then publish; phones get the change on their next pull. An entry an admin touched is never
 * overwritten or removed by `npm run db:setup`.
 */
export async function listThesaurus(db: Db) {
  const rows = await db.selectFrom('thesaurusEntry').selectAll().where('removed', '=', false).orderBy('theme').orderBy('word').execute();
  return rows.map((r) => ({
    word: r.word,
    phrases: JSON.parse(r.phrases) as string[],
    theme: r.theme,
    adminEdited: Boolean(r.adminEdited),
  }));
}

/** Each statute phrase with the articles holding it verbatim; a phrase that finds nothing is likely mistyped. */
export async function checkPhrases(db: Db, phrases: string[]): Promise<{ phrase: string; articles: ArticleHit[] }[]> {
  return Promise.all(phrases.map(async (phrase) => ({ phrase, articles: await searchArticles(db, normalizeText(phrase)) })));
}

export async function publishEntry(handle: DbHandle, entry: { word: string; phrases: string[]; theme: string }): Promise<void> {
  const word = normalizeText(entry.word);
  const row = {
    phrases: JSON.stringify(entry.phrases.map((p) => normalizeText(p))),
    theme: entry.theme,
    removed: false,
    adminEdited: 1,
    updatedAt: new Date().toISOString(),
  };
  await writeTransaction(handle, async (trx) => {
    const changeSeq = await nextChangeSeq(trx);
    const exists = await trx.selectFrom('thesaurusEntry').select('word').where('word', '=', word).executeTakeFirst();
    if (exists)
      await trx
        .updateTable('thesaurusEntry')
        .set({ ...row, changeSeq })
        .where('word', '=', word)
        .execute();
    else
      await trx
        .insertInto('thesaurusEntry')
        .values({ word, ...row, changeSeq })
        .execute();
  });
}

export async function removeEntry(handle: DbHandle, word: string): Promise<void> {
  await writeTransaction(handle, async (trx) => {
    await trx
      .updateTable('thesaurusEntry')
      .set({ removed: true, adminEdited: 1, changeSeq: await nextChangeSeq(trx), updatedAt: new Date().toISOString() })
      .where('word', '=', normalizeText(word))
      .execute();
  });
}
