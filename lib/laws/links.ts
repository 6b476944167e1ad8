import { articleKey, parseArticleKey } from './article-ref';

/**
 * Addresses in the law library, for next-intl's Link (which adds the locale). An article's address is its law's
 * short title and its number, so lessons and quiz explanations can link to it without knowing any id.
 */
export function articleHref(law: string, number: number, sub = 0): string {
  return `/laws/article?law=${encodeURIComponent(law)}&n=${articleKey(number, sub)}`;
}

export function lawHref(law: string): string {
  return `/laws/law?law=${encodeURIComponent(law)}`;
}

export function searchHref(query = ''): string {
  return query ? `/laws/search?q=${encodeURIComponent(query)}` : '/laws/search';
}

/** `民法典:1042` or `刑法:133-1` (the form used in lesson cites and question basis) → an article address, or null. */
export function citationHref(ref: string): string | null {
  const m = /^\s*([^:：\s]+)\s*[:：]\s*(\S+)\s*$/.exec(ref);
  const article = m ? parseArticleKey(m[2]!) : null;
  return m && article ? articleHref(m[1]!.replace(/^中华人民共和国/, ''), article.number, article.sub) : null;
}
