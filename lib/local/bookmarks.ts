import type { HeldArticle } from '@/lib/laws/local-types';
import { localDb } from './db';

/**
 * Article bookmarks, kept on this phone only (Dexie `articleBookmarks`); they are not sent to the server and survive
 * reloads and removing the law from the phone.
 */
export async function toggleBookmark(article: HeldArticle, db = localDb()): Promise<boolean> {
  const key: [string, number, number] = [article.law, article.number, article.sub];
  return db.transaction('rw', db.articleBookmarks, async () => {
    if (await db.articleBookmarks.get(key)) {
      await db.articleBookmarks.delete(key);
      return false;
    }
    const text = article.paragraphs.join('');
    await db.articleBookmarks.put({
      law: article.law,
      number: article.number,
      sub: article.sub,
      label: article.label,
      excerpt: text.length > 60 ? `${text.slice(0, 60)}…` : text,
      createdAt: new Date().toISOString(),
    });
    return true;
  });
}
