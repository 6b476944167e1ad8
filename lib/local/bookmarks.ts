import type { HeldArticle } from '@/lib/laws/local-types';
import { localDb } from './db';

/**
 * Article bookmarks, kept on this phone only (Dexie `bookmarks`); they are not sent to the server and survive
 * reloads and removing the law from the phone.
 */
export async function toggleBookmark(article: HeldArticle, db = localDb()): Promise<boolean> {
  const key: [string, number] = [article.law, article.number];
  return db.transaction('rw', db.bookmarks, async () => {
    if (await db.bookmarks.get(key)) {
      await db.bookmarks.delete(key);
      return false;
    }
    const text = article.paragraphs.join('');
    await db.bookmarks.put({
      law: article.law,
      number: article.number,
      label: article.label,
      excerpt: text.length > 60 ? `${text.slice(0, 60)}…` : text,
      createdAt: new Date().toISOString(),
    });
    return true;
  });
}
