/**
 * How an article is addressed outside the database. Most articles are 第X条 (number X); 刑法 also has inserted
 * articles 第X条之Y, which follow 第X条 and are addressed on their own (sub Y; 0 for 第X条 itself).
 * Machine form, as in lesson cites, question basis and URLs: `133` and `133-1`.
 */
export interface ArticleRef {
  number: number;
  sub: number;
}

export function articleKey(number: number, sub = 0): string {
  return sub > 0 ? `${number}-${sub}` : String(number);
}

/** `133` → {133, 0}; `133-1` → {133, 1}; anything else → null. */
export function parseArticleKey(text: string): ArticleRef | null {
  const m = /^\s*(\d{1,5})(?:-(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const number = Number(m[1]);
  const sub = Number(m[2] ?? 0);
  return number >= 1 ? { number, sub } : null;
}

/**
 * A page address (?law=民法典&n=1042): the law's short name (trimmed, 1–60 characters) and an article number up to
 * 9999, or null. Plain code rather than a zod schema: the article page is a first-load screen (its JS budget).
 */
export function parseArticleAddress(law: string, n: string): { law: string; n: ArticleRef } | null {
  const name = law.trim();
  const ref = parseArticleKey(n);
  if (name.length < 1 || name.length > 60 || !ref || ref.number > 9999) return null;
  return { law: name, n: ref };
}
