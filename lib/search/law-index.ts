// Full-text search over law articles in villagers' words: MiniSearch BM25 on CJK bigrams, scored per query word or
// concept (thesaurus, abbreviations found in the law texts), then definitions, whole-phrase matches and articles/laws
// named in the query are moved to the front. See searchLaws.
import { articleKey } from '@/lib/laws/article-ref';
import MiniSearch from 'minisearch';
import { articleLabel, CN_NUMERAL_CHARS } from '../laws/cn-numerals';
import { snippet } from './snippet';
import { normalizeText, tokenize, tokenizeQuery } from './tokenize';
import { analyzeQuery, type QueryParts } from './query';
import { matchThesaurus, type ThesaurusEntry } from './thesaurus';

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
  /** the article holds none of the query's words or statute phrases whole: a near match */
  approximate: boolean;
  snippet: string;
}

type IndexedDoc = LawArticleDoc & { norm: string };
type TermHits = { docs: Int32Array; scores: Float64Array };

export interface LawIndex {
  mini: MiniSearch<LawArticleDoc>;
  docs: IndexedDoc[];
  ordinal: Map<string, number>;
  /** MiniSearch's short document id → ordinal */
  shortIds: Map<number, number>;
  /** article label → doc ordinals, for queries that name an article (民法典第一千零四十二条) */
  byLabel: Map<string, number[]>;
  laws: string[];
  /** term → ordinals of articles that define it (本法所称家庭暴力，是指… / 个人信息是…) */
  definitions: Map<string, Set<number>>;
  /** per-term BM25 results of frequent terms (LRU); 应当, 人民 … recur in most queries */
  termCache: Map<string, TermHits>;
  /** terms whose results are computed up front (stored in the serialized index) */
  frequent: string[];
  /** per-query accumulators reused by every query (reset after use): article → slot, slot × term → BM25 */
  scratch: { slot: Int32Array; rows: Float64Array };
  /** abbreviation → its expansions, for this index (LRU) */
  abbreviations: Map<string, string[]>;
  /** what villagers say → the statute's wording (content/thesaurus.tsv, pulled with the content) */
  thesaurus: readonly ThesaurusEntry[];
}

export interface IndexOptions {
  thesaurus?: readonly ThesaurusEntry[];
}

const FORMAT = 'pufa-law-index/2';
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

function makeIndex(mini: MiniSearch<LawArticleDoc>, articles: LawArticleDoc[], frequent: string[], opts: IndexOptions): LawIndex {
  const docs = articles.map((a) => ({ ...a, norm: squash(a.text) }));
  const byLabel = new Map<string, number[]>();
  const definitions = new Map<string, Set<number>>();
  docs.forEach((d, k) => {
    byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), k]);
    for (const term of definedTerms(d.text)) definitions.set(term, (definitions.get(term) ?? new Set()).add(k));
  });
  const ordinal = new Map(docs.map((d, k) => [d.id, k]));
  const index: LawIndex = {
    mini,
    docs,
    ordinal,
    shortIds: new Map([...(mini as unknown as MiniInternals)._documentIds].map(([short, id]) => [short, ordinal.get(id) ?? -1])),
    byLabel,
    laws: [...new Set(docs.map((d) => d.law))],
    definitions,
    termCache: new Map(),
    frequent,
    scratch: { slot: new Int32Array(docs.length).fill(-1), rows: new Float64Array(docs.length * 8) },
    abbreviations: new Map(),
    // longest words first, as matchThesaurus wants them
    thesaurus: [...(opts.thesaurus ?? [])].sort((a, b) => b.word.length - a.word.length),
  };
  for (const term of frequent) termHits(index, term);
  return index;
}

export function buildLawIndex(articles: LawArticleDoc[], opts: IndexOptions = {}): LawIndex {
  const mini = new MiniSearch<LawArticleDoc>(OPTIONS);
  mini.addAll(articles);
  return makeIndex(mini, articles, frequentTerms(articles, PREWARM_TERMS), opts);
}

export function serializeIndex(index: LawIndex): string {
  const docs = index.docs.map(({ id, law, number, label, text }) => [id, law, number, label, text]);
  return JSON.stringify({ format: FORMAT, docs, frequent: index.frequent, mini: index.mini });
}

export function loadIndex(json: string, opts: IndexOptions = {}): LawIndex {
  const data = JSON.parse(json) as {
    format?: string;
    docs: [string, string, number, string, string][];
    frequent: string[];
    mini: unknown;
  };
  if (data.format !== FORMAT) throw new Error(`unsupported law index format: ${String(data.format)}`);
  const mini = MiniSearch.loadJS<LawArticleDoc>(data.mini as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
  const articles = data.docs.map(([id, law, number, label, text]) => ({ id, law, number, label, text }));
  return makeIndex(mini, articles, data.frequent, opts);
}

/** The parts of MiniSearch's inverted index that BM25 needs (read directly: search() builds an object per hit). */
interface MiniInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

/** BM25 scores of one term, as MiniSearch computes them, cached when the term is frequent. */
function termHits(index: LawIndex, term: string): TermHits {
  const cached = index.termCache.get(term);
  if (cached) {
    index.termCache.delete(term); // LRU: re-insert as newest
    index.termCache.set(term, cached);
    return cached;
  }
  const mini = index.mini as unknown as MiniInternals;
  const freqs = mini._index.get(term)?.get(0); // field 0: text
  const n = freqs?.size ?? 0;
  const hits = { docs: new Int32Array(n), scores: new Float64Array(n) };
  if (freqs) {
    const { k, b, d } = OPTIONS.searchOptions.bm25;
    const avg = mini._avgFieldLength[0]!;
    const idf = Math.log(1 + (mini._documentCount - n + 0.5) / (n + 0.5));
    let j = 0;
    for (const [shortId, tf] of freqs) {
      const len = mini._fieldLength.get(shortId)?.[0] ?? avg;
      hits.docs[j] = index.shortIds.get(shortId) ?? -1;
      hits.scores[j++] = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)));
    }
  }
  if (n >= CACHE_MIN_HITS) {
    index.termCache.set(term, hits);
    if (index.termCache.size > CACHE_MAX_TERMS) index.termCache.delete(index.termCache.keys().next().value!);
  }
  return hits;
}

// 第X条, and 刑法's inserted 第X条之Y
const LABEL_RE = new RegExp(`第[${CN_NUMERAL_CHARS}]+条(?:之[${CN_NUMERAL_CHARS}]+)?`, 'g');

/** 第1042条 → 第一千零四十二条, so article references typed with digits match labels. */
function normalizeQuery(query: string): string {
  return squash(query).replace(/第(\d{1,4})条(?:之(\d{1,2}))?/g, (m, n: string, sub?: string) =>
    Number(n) > 0 ? articleLabel(Number(n), Number(sub ?? 0)) : m,
  );
}

/**
 * A unit of the query: one of its legal words, or a concept it stands for, given as alternative statute phrases
 * (the phrases of a thesaurus word, the expansions of an abbreviation); an article scores by its best alternative.
 */
interface Group {
  alternatives: { phrase: string; terms: string[] }[];
  weight: number;
}

const SINGLE_CHAR_WEIGHT = 0.3;
const ALIAS_WEIGHT = 0.8;
const ABBREVIATION_WEIGHT = 0.6;
const MAX_ABBREVIATIONS = 4;
const PHRASE_BONUS = 2;
const OTHER_PHRASES = 0.25;

/**
 * Abbreviations found in the law texts themselves: for two characters that never stand side by side in any
 * article (低保, 家暴, 电诈), the most frequent stretches of law text that hold them in order, at most three
 * characters apart, inside one clause (最低生活保障 → 低生活保, 家庭暴力 → 家庭暴, 电信网络诈骗 → 电信网络诈).
 */
function abbreviationSpans(index: LawIndex, pair: string): string[] {
  const cached = index.abbreviations.get(pair);
  if (cached) return cached;
  const spans = findAbbreviationSpans(index, pair);
  index.abbreviations.set(pair, spans);
  if (index.abbreviations.size > CACHE_MAX_TERMS) index.abbreviations.delete(index.abbreviations.keys().next().value!);
  return spans;
}

function findAbbreviationSpans(index: LawIndex, pair: string): string[] {
  const [a, b] = [...pair];
  if (!a || !b) return [];
  const counts = new Map<string, number>();
  const re = new RegExp(`${a}[\\u4e00-\\u9fff]{1,3}?${b}`, 'g');
  // only articles holding both characters can hold the pair (single-character postings are in the index)
  const withB = new Set(termHits(index, b).docs);
  for (const d of termHits(index, a).docs) {
    if (d < 0 || !withB.has(d)) continue;
    for (const [span] of index.docs[d]!.norm.matchAll(re)) counts.set(span, (counts.get(span) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, n]) => n >= 3).sort((x, y) => y[1] - x[1] || x[0].length - y[0].length);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, n]) => n * 3 >= top)
    .slice(0, 2)
    .map(([span]) => span);
}

function splitAtUnseenPairs(index: LawIndex, segment: string): string[] {
  const chars = [...segment];
  const words: string[] = [];
  let current = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    const pair = chars[k - 1]! + chars[k]!;
    if (termHits(index, pair).docs.length > 0) {
      current += chars[k];
    } else {
      words.push(current);
      current = chars[k]!;
    }
  }
  if (current) words.push(current);
  return words;
}

/** The query's groups: its legal words, the statute phrases of thesaurus words, abbreviations expanded. */
function queryGroups(index: LawIndex, parts: QueryParts): Group[] {
  const groups: Group[] = [];
  const seen = new Set<string>();
  const add = (phrases: string[], weight: number) => {
    const alternatives = phrases
      .filter((p) => !seen.has(p))
      .map((phrase) => (seen.add(phrase), { phrase, terms: tokenizeQuery(phrase) }))
      .filter((alt) => alt.terms.length > 0);
    if (!alternatives.length) return;
    const single = alternatives.every((alt) => [...alt.phrase].length === 1);
    groups.push({ alternatives, weight: single ? SINGLE_CHAR_WEIGHT : weight });
  };
  // a segment is cut where two characters never stand side by side in any article (农民工讨工钱 → 农民工|讨|工钱…)
  // A lone character (贷, 放, 人) matches hundreds of articles and says little: searched only when nothing else is left.
  const words = parts.segments.flatMap((segment) => splitAtUnseenPairs(index, segment));
  for (const word of words) if ([...word].length > 1) add([word], 1);
  const compact = parts.segments.join('');
  const entries = new Set([...matchThesaurus(index.thesaurus, parts.text), ...matchThesaurus(index.thesaurus, compact)]);
  for (const entry of entries) add(entry.phrases, ALIAS_WEIGHT);
  let expanded = 0;
  for (const segment of parts.segments) {
    const chars = [...segment];
    for (let k = 0; k + 1 < chars.length && expanded < MAX_ABBREVIATIONS; k++) {
      const pair = chars[k]! + chars[k + 1]!;
      if ([...entries].some((e) => e.word.includes(pair)) || termHits(index, pair).docs.length > 0) continue; // explained already
      add(abbreviationSpans(index, pair), ABBREVIATION_WEIGHT);
      expanded++;
    }
  }
  if (!groups.length) for (const word of words) add([word], 1);
  return groups;
}

/**
 * Ranks articles for a query typed as people type it (keywords, whole questions, everyday words):
 * BM25 (MiniSearch) of the bigrams of each query group, a bonus where an article holds a group's whole phrase,
 * times the number of groups an article matches; then, in this order, articles defining the query, articles
 * containing the whole query (or a statute phrase of the thesaurus word it is), the article the query names
 * (law + 第X条), articles of a law the query names. When no bigram matches, articles containing every character of
 * the query are returned. A hit is `approximate` when its article holds none of the query's words or phrases whole.
 */
export function searchLaws(index: LawIndex, query: string, opts: { limit?: number } = {}): LawSearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const limit = opts.limit ?? 20;
  const parts = analyzeQuery(q);
  if (!parts.segments.length) parts.segments = [...q.matchAll(/[\u3400-\u9fff]+|[a-z0-9]+/g)].map((m) => m[0]);
  const groups = queryGroups(index, parts);
  const terms = [...new Set(groups.flatMap((g) => g.alternatives.flatMap((alt) => alt.terms)))];
  const termIndex = new Map(terms.map((t, k) => [t, k]));
  const hitsOf = terms.map((t) => termHits(index, t));

  // per touched article (slot): BM25 of each term, in scratch arrays reused by every query
  const T = terms.length;
  const { slot } = index.scratch;
  const touched: number[] = [];
  const touch = (d: number): number => {
    let at = slot[d]!;
    if (at < 0) {
      at = slot[d] = touched.length;
      touched.push(d);
      if ((at + 1) * T > index.scratch.rows.length) {
        const grown = new Float64Array(Math.max((at + 1) * T, index.scratch.rows.length * 2));
        grown.set(index.scratch.rows);
        index.scratch.rows = grown;
      }
    }
    return at;
  };
  hitsOf.forEach((hits, k) => {
    for (let j = 0; j < hits.docs.length; j++) {
      const d = hits.docs[j]!;
      if (d >= 0) index.scratch.rows[touch(d) * T + k] = hits.scores[j]!;
    }
  });
  const rows = () => index.scratch.rows;

  let fallback = false;
  if (touched.length === 0) {
    fallback = true;
    for (const d of articlesWithAllChars(index, q)) touch(d);
  }

  const lawsNamed = new Set(index.laws.filter((law) => q.includes(law) || (q.length >= 2 && law.includes(q))));
  const refs = new Map<number, number>(); // doc → tier
  for (const [label] of q.matchAll(LABEL_RE)) {
    for (const d of index.byLabel.get(label) ?? []) {
      const law = index.docs[d]!.law;
      if (lawsNamed.size === 0 || lawsNamed.has(law)) refs.set(d, lawsNamed.has(law) ? 2 : 1);
    }
  }
  for (const d of refs.keys()) touch(d);

  // the query without its filler (家庭暴力怎么办 → 家庭暴力), for definitions and whole-phrase matches
  const core = parts.segments.length === 1 ? parts.segments[0]! : parts.text;
  const wholeWords = new Set([parts.text, core]);
  const whole = [...wholeWords, ...index.thesaurus.filter((e) => wholeWords.has(e.word)).flatMap((e) => e.phrases)];
  const defines = index.definitions.get(core) ?? index.definitions.get(parts.text);
  const alts = groups.map((g) => ({
    weight: g.weight,
    alternatives: g.alternatives.map((alt) => ({
      phrase: alt.phrase,
      long: [...alt.phrase].length > 1,
      slots: alt.terms.map((t) => termIndex.get(t)!),
    })),
  }));
  // articles holding a whole phrase: only those holding all its bigrams are scanned (String.includes is slow on
  // thousands of articles)
  const wholeDocs = new Set<number>();
  for (const phrase of whole) {
    const bigrams = phrase.length > 1 ? tokenizeQuery(phrase) : [];
    if (!bigrams.length) continue;
    let candidates = termHits(index, bigrams[0]!).docs.filter((d) => d >= 0);
    for (const t of bigrams.slice(1)) {
      const next = new Set(termHits(index, t).docs);
      candidates = candidates.filter((d) => next.has(d));
    }
    for (const d of candidates) if (index.docs[d]!.norm.includes(phrase)) wholeDocs.add(d);
  }
  for (const d of wholeDocs) touch(d);
  const ranked: { d: number; key: number; score: number; exact: boolean }[] = [];
  const row = rows();
  for (const d of touched) {
    const doc = index.docs[d]!;
    const base = slot[d]! * T;
    let score = 0;
    let covered = 0;
    let exact = false;
    for (const g of alts) {
      let best = 0;
      let rest = 0;
      let hit = false;
      for (const alt of g.alternatives) {
        let sum = 0;
        let matched = 0;
        for (const k of alt.slots) {
          const v = row[base + k]!;
          if (v > 0) {
            sum += v;
            matched++;
          }
        }
        if (!matched) continue;
        const long = alt.long;
        // only an article holding every bigram of the phrase can hold the phrase
        const contains = long && matched === alt.slots.length && doc.norm.includes(alt.phrase);
        if (contains) exact = true;
        const fraction = matched / alt.slots.length;
        const value = sum * (contains ? PHRASE_BONUS : fraction);
        // the best phrase counts fully, further phrases of the concept a little (经济困难 and 法律援助 for 请不起律师)
        rest += Math.min(best, value);
        best = Math.max(best, value);
        if (contains || !long || fraction >= 0.5) hit = true;
      }
      score += g.weight * (best + OTHER_PHRASES * rest);
      if (hit) covered += g.weight;
    }
    score *= covered;
    let tier = refs.get(d) ?? (lawsNamed.has(doc.law) ? 1 : 0);
    if (wholeDocs.has(d)) tier = 3;
    if (defines?.has(d)) tier = 4;
    // BM25 scores are far below 1e6, so the tier dominates the key
    ranked.push({ d, key: tier * 1e6 + score, score, exact: exact || tier >= 2 });
  }
  row.fill(0, 0, touched.length * T);
  for (const d of touched) slot[d] = -1;
  ranked.sort((a, b) => b.key - a.key);
  return ranked.slice(0, limit).map(({ d, score, exact }) => {
    const doc = index.docs[d]!;
    return {
      id: doc.id,
      law: doc.law,
      number: doc.number,
      label: doc.label,
      score,
      approximate: fallback || !exact,
      snippet: snippet(doc.text, parts.text, [...groups.flatMap((g) => g.alternatives.map((alt) => alt.phrase)), ...terms]),
    };
  });
}

/** Articles containing every CJK character of the query (in any order), via the single-character postings. */
function articlesWithAllChars(index: LawIndex, q: string): number[] {
  const chars = [...new Set(q.match(/[\u3400-\u9fff]/g) ?? [])];
  if (chars.length < 2) return [];
  let result: Set<number> | null = null;
  for (const c of chars) {
    const docs = new Set([...termHits(index, c).docs].filter((d) => d >= 0 && (!result || result.has(d))));
    result = docs;
    if (!docs.size) return [];
  }
  return [...(result ?? [])];
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
