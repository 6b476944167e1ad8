// Benchmarks the law search index against a plain substring scan. Run: npx tsx scripts/bench-search.ts
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
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

// Collect the garbage of index builds and loads before timing queries, so that it is not charged to them.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

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

/** Times `search` and the substring scan alternately on every query, so machine noise hits both alike. */
function timeAgainstScan(search: (q: string) => unknown): { index: number[]; scan: number[] } {
  gc();
  const out = { index: [] as number[], scan: [] as number[] };
  for (const q of all) {
    out.index.push(time(() => search(q)));
    out.scan.push(time(() => scan(q)));
  }
  return out;
}

// JIT warm-up on 200 other sampled queries; they also leave frequent terms in the index's term cache.
for (const q of sampleQueries(7, QUERY_COUNT)) {
  searchLaws(index, q, { limit: LIMIT });
  scan(q);
}
// Cold: the freshly loaded index, only the pre-computed frequent terms cached.
const coldRun = timeAgainstScan((q) => searchLaws(cold, q, { limit: LIMIT }));
// Session: the index that has already answered the 200 other queries.
const sessionRun = timeAgainstScan((q) => searchLaws(index, q, { limit: LIMIT }));

for (let k = 0; k < 2; k++) {
  buildTimes.push(time(() => buildLawIndex(articles)));
  loadTimes.push(time(() => loadIndex(json)));
}
const median = (values: number[]) => percentile(values, 50);

const hits = queries.filter(({ q, expect }) =>
  searchLaws(index, q, { limit: 3 }).some((h) => expect.includes(h.id)),
);
const misses = queries.filter((x) => !hits.includes(x)).map((x) => x.q);

const p50 = (values: number[]) => percentile(values, 50);
const p95 = (values: number[]) => percentile(values, 95);
const ratio = (run: { index: number[]; scan: number[] }) => p95(run.index) / p95(run.scan);
const line = (name: string, values: number[], note = '') =>
  console.log(`${name.padEnd(20)}${ms(p50(values))} / ${ms(p95(values))}${note}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

console.log(`articles            ${articles.length}`);
console.log(`build               ${ms(median(buildTimes))} (median of 3)`);
console.log(`serialized index    ${kb(Buffer.byteLength(json))}, gzip ${kb(gzipSync(json).length)}; load ${ms(median(loadTimes))} (median of 3)`);
console.log(`queries             ${all.length} (${queries.length} labelled + ${sampled.length} sampled), limit ${LIMIT}`);
console.log('                    p50 / p95');
line('index, cold', coldRun.index, ' (freshly loaded index)');
line('scan', coldRun.scan, ` (same loop) → p95 ratio ${ratio(coldRun).toFixed(2)}`);
line('index, session', sessionRun.index, ' (after 200 other queries)');
line('scan', sessionRun.scan, ` (same loop) → p95 ratio ${ratio(sessionRun).toFixed(2)}`);
const worst = Math.max(ratio(coldRun), ratio(sessionRun));
console.log(`p95 ratio           ${worst.toFixed(2)} (target ≤ 4) ${worst <= 4 ? 'OK' : 'FAIL'}`);
console.log(`labelled top-3      ${hits.length}/${queries.length} (target ≥ 18) ${hits.length >= 18 ? 'OK' : 'FAIL'}${misses.length ? ` — missed: ${misses.join('、')}` : ''}`);
if (worst > 4 || hits.length < 18) process.exitCode = 1;
