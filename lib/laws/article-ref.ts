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
