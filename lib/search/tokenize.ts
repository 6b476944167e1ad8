// Tokens for Chinese full-text search without a dictionary: every CJK character, every CJK bigram,
// and lowercase ASCII words / digit runs.

const RUN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
const CJK_RE = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Full-width letters/digits to ASCII (NFKC), lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function pushRun(run: string, out: string[], singles: boolean): void {
  if (!CJK_RE.test(run)) {
    out.push(run);
    return;
  }
  const chars = [...run];
  chars.forEach((c, i) => {
    if (singles || chars.length === 1) out.push(c);
    const next = chars[i + 1];
    if (next) out.push(c + next);
  });
}

/** Index-side tokens: single characters and bigrams of every CJK run, plus ASCII words. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUN_RE)) pushRun(run, out, true);
  return out;
}

/**
 * Query-side tokens, deduplicated. A CJK run of two or more characters is matched by its bigrams only
 * (single characters such as 的/人 would match almost every article); a lone character is kept as is.
 */
export function tokenizeQuery(query: string): string[] {
  const out: string[] = [];
  for (const [run] of normalizeText(query).matchAll(RUN_RE)) pushRun(run, out, false);
  return [...new Set(out)];
}
