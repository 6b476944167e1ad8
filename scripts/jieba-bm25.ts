// The baseline for bench:search: textbook BM25 (k1 = 1.2, b = 0.75) over words segmented by jieba (@node-rs/jieba,
// a devDependency used only here). Punctuation and spaces are dropped; nothing else (no stop words, no thesaurus).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { LawArticleDoc } from '../lib/search/law-index';

const WORD_RE = /[\p{L}\p{N}]/u;

export function jiebaBm25(articles: LawArticleDoc[], k1 = 1.2, b = 0.75) {
  const jieba = Jieba.withDict(dict);
  const words = (text: string) => jieba.cut(text.normalize('NFKC').toLowerCase(), true).filter((w) => WORD_RE.test(w));
  const postings = new Map<string, Map<number, number>>();
  const lengths = articles.map((a, d) => {
    const ws = words(a.text);
    for (const w of ws) {
      const p = postings.get(w) ?? new Map<number, number>();
      p.set(d, (p.get(d) ?? 0) + 1);
      postings.set(w, p);
    }
    return ws.length;
  });
  const avg = lengths.reduce((x, y) => x + y, 0) / Math.max(1, lengths.length);
  const n = articles.length;
  return {
    search(query: string, limit: number): string[] {
      const scores = new Map<number, number>();
      for (const w of new Set(words(query))) {
        const p = postings.get(w);
        if (!p) continue;
        const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
        for (const [d, tf] of p) {
          const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[d]!) / avg));
          scores.set(d, (scores.get(d) ?? 0) + s);
        }
      }
      return [...scores]
        .sort((x, y) => y[1] - x[1])
        .slice(0, limit)
        .map(([d]) => articles[d]!.id);
    },
  };
}
