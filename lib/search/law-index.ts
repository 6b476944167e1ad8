// Full-text search over law articles: MiniSearch BM25 on CJK bigrams (OR), then definitions, exact phrase
// matches and articles/laws named in the query are moved to the front.
import { articleKey } from '@/lib/laws/article-ref';
import { everydayAliases } from './everyday-words';
import MiniSearch from 'minisearch';
import { articleLabel, CN_NUMERAL_CHARS } from '../laws/cn-numerals';
import { snippet } from './snippet';
import { normalizeText, tokenize, tokenizeQuery } from './tokenize';

export interface LawArticleDoc {
  /** 民法典:1042, 刑法:133-1 (see lib/laws/article-ref.ts) */
  id: string;
  /** short title: 民法典 */
  law: string;
  number: number;
  /** 第一千零四十二条 */
  label: string;
  text: string;
}

export interface LawSearchHit {
  id: string;
  law: string;
  number: number;
  label: string;
  score: number;
  snippet: string;
}

type IndexedDoc = LawArticleDoc & { norm: string };
type TermHits = { docs: Int32Array; scores: Float64Array };

export interface LawIndex {
  mini: MiniSearch<LawArticleDoc>;
  docs: IndexedDoc[];
  ordinal: Map<string, number>;
  /** article label → doc ordinals, for queries that name an article (民法典第一千零四十二条) */
  byLabel: Map<string, number[]>;
  laws: string[];
  /** term → ordinals of articles that define it (本法所称家庭暴力，是指… / 个人信息是…) */
  definitions: Map<string, Set<number>>;
  /** per-term BM25 results of frequent terms (LRU); 应当, 人民 … recur in most queries */
  termCache: Map<string, TermHits>;
  /** terms whose results are computed up front (stored in the serialized index) */
  frequent: string[];
  /** per-article accumulators reused by every query (zeroed again after use) */
  scratch: { score: Float64Array; matched: Uint16Array; keys: Float64Array };
}

const FORMAT = 'pufa-law-index/1';
const CACHE_MIN_HITS = 64; // rarer terms are cheap to look up again
const CACHE_MAX_TERMS = 512;
const PREWARM_TERMS = 256; // the most frequent bigrams (或者, 应当, 规定 …) are looked up once at build/load

// Only the article text is indexed: law titles and labels are matched directly in searchLaws, which is
// cheaper than posting lists where a bigram such as 民法 would hit all 1,260 articles of 民法典.
const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => term,
  searchOptions: {
    combineWith: 'OR' as const,
    tokenize: tokenizeQuery,
    // stronger length normalisation than the default 0.7: long articles mention common terms many times
    bm25: { k: 1.2, b: 0.9, d: 0.5 },
  },
};

/** Whitespace-free, NFKC, lower case: the form used for phrase matching. */
const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');

const DEFINED_AFTER_SUOCHENG = /本(?:法|条例|编|章)所称([^，。；：、\s]{1,20}?)，?是指/g;
const DEFINED_AT_START = /^([^，。；：、“”（）\s]{2,12}?)，?是/;

/** Terms an article defines: 本法所称家庭暴力，是指… (anywhere), 个人信息是以电子… (start of a paragraph). */
function definedTerms(text: string): string[] {
  const found = [...text.matchAll(DEFINED_AFTER_SUOCHENG)].map((m) => m[1] ?? '');
  for (const paragraph of text.split('\n')) found.push(DEFINED_AT_START.exec(paragraph)?.[1] ?? '');
  return found.filter(Boolean).map(squash);
}

/** The `n` query terms found in most articles. */
function frequentTerms(articles: LawArticleDoc[], n: number): string[] {
  const df = new Map<string, number>();
  for (const a of articles) for (const t of new Set(tokenizeQuery(a.text))) df.set(t, (df.get(t) ?? 0) + 1);
  return [...df]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([t]) => t);
}

function makeIndex(mini: MiniSearch<LawArticleDoc>, articles: LawArticleDoc[], frequent: string[]): LawIndex {
  const docs = articles.map((a) => ({ ...a, norm: squash(a.text) }));
  const byLabel = new Map<string, number[]>();
  const definitions = new Map<string, Set<number>>();
  docs.forEach((d, k) => {
    byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), k]);
    for (const term of definedTerms(d.text)) definitions.set(term, (definitions.get(term) ?? new Set()).add(k));
  });
  const index: LawIndex = {
    mini,
    docs,
    ordinal: new Map(docs.map((d, k) => [d.id, k])),
    byLabel,
    laws: [...new Set(docs.map((d) => d.law))],
    definitions,
    termCache: new Map(),
    frequent,
    scratch: { score: new Float64Array(docs.length), matched: new Uint16Array(docs.length), keys: new Float64Array(docs.length) },
  };
  for (const term of frequent) termHits(index, term);
  return index;
}

export function buildLawIndex(articles: LawArticleDoc[]): LawIndex {
  const mini = new MiniSearch<LawArticleDoc>(OPTIONS);
  mini.addAll(articles);
  return makeIndex(mini, articles, frequentTerms(articles, PREWARM_TERMS));
}

export function serializeIndex(index: LawIndex): string {
  const docs = index.docs.map(({ id, law, number, label, text }) => [id, law, number, label, text]);
  return JSON.stringify({ format: FORMAT, docs, frequent: index.frequent, mini: index.mini });
}

export function loadIndex(json: string): LawIndex {
  const data = JSON.parse(json) as {
    format?: string;
    docs: [string, string, number, string, string][];
    frequent: string[];
    mini: unknown;
  };
  if (data.format !== FORMAT) throw new Error(`unsupported law index format: ${String(data.format)}`);
  const mini = MiniSearch.loadJS<LawArticleDoc>(data.mini as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
  const articles = data.docs.map(([id, law, number, label, text]) => ({ id, law, number, label, text }));
  return makeIndex(mini, articles, data.frequent);
}

/** BM25 scores of one term, from MiniSearch, cached when the term is frequent. */
function termHits(index: LawIndex, term: string): TermHits {
  const cached = index.termCache.get(term);
  if (cached) {
    index.termCache.delete(term); // LRU: re-insert as newest
    index.termCache.set(term, cached);
    return cached;
  }
  const results = index.mini.search(term, { tokenize: (t) => [t] });
  const hits = { docs: new Int32Array(results.length), scores: new Float64Array(results.length) };
  results.forEach((r, k) => {
    hits.docs[k] = index.ordinal.get(String(r.id)) ?? -1;
    hits.scores[k] = r.score;
  });
  if (results.length >= CACHE_MIN_HITS) {
    index.termCache.set(term, hits);
    if (index.termCache.size > CACHE_MAX_TERMS) index.termCache.delete(index.termCache.keys().next().value!);
  }
  return hits;
}

const LABEL_RE = new RegExp(`第[${CN_NUMERAL_CHARS}]+条`, 'g');

/** 第1042条 → 第一千零四十二条, so article references typed with digits match labels. */
function normalizeQuery(query: string): string {
  return squash(query).replace(/第(\d{1,4})条/g, (m, n: string) => (Number(n) > 0 ? articleLabel(Number(n)) : m));
}

/** The `limit` best of `keys` (higher first) by a single pass with a small sorted buffer. */
function topK(candidates: number[], keys: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (const d of candidates) {
    if (top.length === limit && keys[d]! <= keys[top[limit - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && keys[top[at - 1]!]! < keys[d]!) at--;
    top.splice(at, 0, d);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * BM25 (MiniSearch, terms OR-combined: sum of term scores × number of matching terms), then in this order:
 * articles defining the query, articles containing the whole query, the article the query names
 * (law + 第X条), articles of a law the query names; BM25 order within each group.
 */
export function searchLaws(index: LawIndex, query: string, opts: { limit?: number } = {}): LawSearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const limit = opts.limit ?? 20;
  const phrases = [q, ...everydayAliases(q)];
  const phraseTerms = phrases.map((p) => new Set(tokenizeQuery(p)).size);
  const terms = [...new Set(phrases.flatMap(tokenizeQuery))];

  const { score, matched, keys } = index.scratch;
  const touched: number[] = [];
  for (const term of terms) {
    const hits = termHits(index, term);
    for (let k = 0; k < hits.docs.length; k++) {
      const d = hits.docs[k]!;
      if (d < 0) continue;
      if (matched[d] === 0) touched.push(d);
      matched[d]! += 1;
      score[d]! += hits.scores[k]!;
    }
  }

  const lawsNamed = new Set(index.laws.filter((law) => q.includes(law) || (q.length >= 2 && law.includes(q))));
  const refs = new Map<number, number>(); // doc → tier
  for (const [label] of q.matchAll(LABEL_RE)) {
    for (const d of index.byLabel.get(label) ?? []) {
      const law = index.docs[d]!.law;
      if (lawsNamed.size === 0 || lawsNamed.has(law)) refs.set(d, lawsNamed.has(law) ? 2 : 1);
    }
  }
  for (const d of refs.keys()) if (matched[d] === 0) touched.push(d);

  const defines = index.definitions.get(q);
  const tierOf = (d: number): number => {
    const doc = index.docs[d]!;
    if (defines?.has(d)) return 4;
    // only an article matching every term of a phrase can contain that phrase (the query or an everyday alias)
    if (phrases.some((p, i) => matched[d]! >= phraseTerms[i]! && doc.norm.includes(p))) return 3;
    return refs.get(d) ?? (lawsNamed.has(doc.law) ? 1 : 0);
  };
  // BM25 scores are far below 1e6, so the tier dominates the key
  for (const d of touched) keys[d] = tierOf(d) * 1e6 + score[d]! * matched[d]!;

  const hits = topK(touched, keys, limit).map((d) => {
    const doc = index.docs[d]!;
    const bm25 = score[d]! * matched[d]!;
    return { id: doc.id, law: doc.law, number: doc.number, label: doc.label, score: bm25, snippet: snippet(doc.text, q, terms) };
  });
  for (const d of touched) score[d] = matched[d] = keys[d] = 0;
  return hits;
}

/** One search document per article; the text keeps paragraph breaks. */
export function lawDocs(law: {
  shortTitle: string;
  articles: { number: number; sub?: number; label: string; paragraphs: string[] }[];
}): LawArticleDoc[] {
  return law.articles.map((a) => ({
    id: `${law.shortTitle}:${articleKey(a.number, a.sub)}`,
    law: law.shortTitle,
    number: a.number,
    label: a.label,
    text: a.paragraphs.join('\n'),
  }));
}
