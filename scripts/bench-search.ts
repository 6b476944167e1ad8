// Benchmarks the law search index against a plain substring scan. Run: npx tsx scripts/bench-search.ts
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import queries from '../tests/fixtures/search-queries.json' with { type: 'json' };
import { LAWS_DIR, lawsAvailable, loadOfficialLaws } from '../tests/unit/laws/official-laws';
import { buildLawIndex, lawDocs, loadIndex, searchLaws, serializeIndex } from '../lib/search/law-index';

const QUERY_COUNT = 200;
const LIMIT = 20;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

if (!lawsAvailable()) {
  console.error(`${LAWS_DIR} not found — official law texts are read from there`);
  process.exit(1);
}

const articles = loadOfficialLaws().flatMap(lawDocs);
// One build and one load up front; more runs for the medians happen after the query timings, so that their
// garbage does not end up in them.
let index = buildLawIndex(articles);
const buildTimes = [time(() => (index = buildLawIndex(articles)))];
const json = serializeIndex(index);
let cold = loadIndex(json);
const loadTimes = [time(() => (cold = loadIndex(json)))];

/** `count` substrings of 2–4 CJK characters from article texts, seeded so every run uses the same queries. */
function sampleQueries(seed: number, count: number): string[] {
  const random = mulberry32(seed);
  const out: string[] = [];
  while (out.length < count) {
    const text = articles[Math.floor(random() * articles.length)]!.text;
    const len = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, text.length - len));
    const q = text.slice(start, start + len);
    if (q.length === len && /^[\u4e00-\u9fff]+$/.test(q)) out.push(q);
  }
  return out;
}

const sampled = sampleQueries(20240601, QUERY_COUNT - queries.length);
const all = [...queries.map((x) => x.q), ...sampled];
const scan = (q: string) => articles.filter((a) => a.text.includes(q));
const timeAll = (search: (q: string) => unknown) => all.map((q) => time(() => search(q)));

// JIT warm-up on 200 other sampled queries; they also leave frequent terms in the index's term cache.
for (const q of sampleQueries(7, QUERY_COUNT)) {
  searchLaws(index, q, { limit: LIMIT });
  scan(q);
}
// Cold: the freshly loaded index (only the pre-computed frequent terms cached).
const coldTimes = timeAll((q) => searchLaws(cold, q, { limit: LIMIT }));
// Session: the index that has already answered the 200 other queries; timed alternately with the scan.
const indexTimes: number[] = [];
const scanTimes: number[] = [];
for (const q of all) {
  indexTimes.push(time(() => searchLaws(index, q, { limit: LIMIT })));
  scanTimes.push(time(() => scan(q)));
}

for (let k = 0; k < 2; k++) {
  buildTimes.push(time(() => buildLawIndex(articles)));
  loadTimes.push(time(() => loadIndex(json)));
}
const median = (values: number[]) => percentile(values, 50);

const hits = queries.filter(({ q, expect }) =>
  searchLaws(index, q, { limit: 3 }).some((h) => expect.includes(h.id)),
);
const misses = queries.filter((x) => !hits.includes(x)).map((x) => x.q);

const ratio = percentile(coldTimes, 95) / percentile(scanTimes, 95);
if (ratio > 4 || hits.length < 18) process.exitCode = 1;
console.log(`articles            ${articles.length}`);
console.log(`build               ${ms(median(buildTimes))} (median of 3)`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`serialized index    ${kb(Buffer.byteLength(json))}, gzip ${kb(gzipSync(json).length)} (load ${ms(median(loadTimes))}, median of 3)`);
console.log(`queries             ${all.length} (${queries.length} labelled + ${sampled.length} sampled)`);
console.log(`index  p50 / p95    ${ms(percentile(indexTimes, 50))} / ${ms(percentile(indexTimes, 95))} (after 200 other queries)`);
console.log(`cold   p50 / p95    ${ms(percentile(coldTimes, 50))} / ${ms(percentile(coldTimes, 95))} (freshly loaded index)`);
console.log(`scan   p50 / p95    ${ms(percentile(scanTimes, 50))} / ${ms(percentile(scanTimes, 95))}`);
console.log(`p95 ratio (cold)    ${ratio.toFixed(2)} (target ≤ 4) ${ratio <= 4 ? 'OK' : 'FAIL'}`);
console.log(`p95 ratio (session) ${(percentile(indexTimes, 95) / percentile(scanTimes, 95)).toFixed(2)}`);
console.log(`labelled top-3      ${hits.length}/${queries.length} (target ≥ 18) ${hits.length >= 18 ? 'OK' : 'FAIL'}${misses.length ? ` — missed: ${misses.join('、')}` : ''}`);
