// Checks every citation in content/ against the official texts in ../shared/laws (see content/README.md):
// cited articles exist, quotes are whole consecutive paragraphs copied exactly, and every article named in a
// lesson body is listed in its `cites`. All problems are reported together, one line per problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleKey, parseArticleKey } from '../../../lib/laws/article-ref';
import { CN_NUMERAL_CHARS, cnToInt } from '../../../lib/laws/cn-numerals';
import { LAWS_MISSING_MESSAGE, lawsAvailable, loadOfficialLaws } from '../laws/official-laws';

const CONTENT_DIR = path.resolve(process.cwd(), 'content');
const available = lawsAvailable();
if (!available) console.warn(LAWS_MISSING_MESSAGE);

type Laws = Map<string, Map<string, string[]>>; // short title → article key (1042, 133-1) → paragraphs

const NUM = `[${CN_NUMERAL_CHARS}\\d]+`;
const ARTICLE = `第(${NUM})条(?:之(${NUM}))?(?:第${NUM}款)?(?:第${NUM}项)?`;
const MENTION_RE = new RegExp(`《([^《》\\n]+)》(${ARTICLE}(?:(?:、|和|及|以及|或者|或|至|到)${ARTICLE})*)`, 'g');
const ARTICLE_RE = new RegExp(ARTICLE, 'g');
const QUOTE_HEAD_RE = new RegExp(`^《([^《》]+)》第(${NUM})条(?:之(${NUM}))?(.?)([\\s\\S]*)$`);

/** Removes every kind of whitespace, including U+3000 and zero-width characters. */
const squash = (s: string) => s.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
const articleNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : cnToInt(s));
/** 第一百三十三条之一 → "133-1"; null when a numeral is not valid */
const keyOf = (number: string, sub?: string): string | null => {
  const n = articleNumber(number);
  const y = sub ? articleNumber(sub) : 0;
  return n === null || y === null ? null : articleKey(n, y);
};
const lawName = (name: string) => name.replace(/^中华人民共和国/, '');

interface Citation {
  law: string;
  /** article key: 1042, or 133-1 for 第一百三十三条之一; null when the numeral is not valid */
  key: string | null;
  text: string; // as written, for messages
}

/** Every 《短名》第X条 in `text`, including chained ones: 《民法典》第一千零七十九条、第一千零八十条. */
function mentions(text: string): Citation[] {
  return [...text.matchAll(MENTION_RE)].flatMap((m) =>
    [...(m[2] ?? '').matchAll(ARTICLE_RE)].map((a) => ({
      law: lawName(m[1] ?? ''),
      key: keyOf(a[1] ?? '', a[2]),
      text: `《${m[1]}》第${a[1]}条${a[2] ? `之${a[2]}` : ''}`,
    })),
  );
}

/** `短名:条号` as used in cites and basis. */
function parseRef(ref: string): Citation | null {
  const m = /^\s*([^:：\s]+)\s*[:：]\s*(\S+)\s*$/.exec(ref);
  const article = m ? parseArticleKey(m[2] ?? '') : null;
  return m && article ? { law: lawName(m[1] ?? ''), key: articleKey(article.number, article.sub), text: ref.trim() } : null;
}

/** Why `c` does not name an existing article, or null if it does. */
function missing(laws: Laws, c: Citation): string | null {
  const law = laws.get(c.law);
  if (!law) return `unknown law 《${c.law}》 (not among the texts in ../shared/laws)`;
  if (c.key === null) return 'not a valid article number';
  if (!law.has(c.key)) return `${c.law} has no article ${c.key}`;
  return null;
}

function frontMatter(source: string): { fields: Map<string, string>; body: string; bodyStart: number } {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { fields: new Map(), body: source, bodyStart: 1 };
  const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
  const fields = new Map<string, string>();
  for (const line of lines.slice(1, end)) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) fields.set(m[1] ?? '', m[2] ?? '');
  }
  return { fields, body: lines.slice(end + 1).join('\n'), bodyStart: end + 2 };
}

/** Blockquotes of a Markdown body: their paragraphs (split at `>` lines) and first line number. */
function blockquotes(body: string, firstLine: number): { line: number; paragraphs: string[] }[] {
  const quotes: { line: number; paragraphs: string[] }[] = [];
  let current: { line: number; paragraphs: string[]; open: boolean } | null = null;
  body.split('\n').forEach((raw, k) => {
    if (!raw.startsWith('>')) {
      current = null;
      return;
    }
    const text = raw.replace(/^>\s?/, '');
    if (!current) {
      current = { line: firstLine + k, paragraphs: [], open: false };
      quotes.push(current);
    }
    if (!text.trim()) current.open = false;
    else if (current.open) current.paragraphs[current.paragraphs.length - 1] += text;
    else {
      current.paragraphs.push(text);
      current.open = true;
    }
  });
  return quotes.map(({ line, paragraphs }) => ({ line, paragraphs }));
}

/** Why `quoted` is not a run of whole consecutive paragraphs of `official`, or null if it is. */
function quoteMismatch(quoted: string[], official: string[]): string | null {
  const q = quoted.map(squash);
  const o = official.map(squash);
  for (let i = 0; i + q.length <= o.length; i++) if (q.every((p, k) => p === o[i + k])) return null;
  // explain with the first quoted paragraph that fails, aligned on the official paragraph the quote starts like
  const common = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  const start = o.reduce((best, p, i) => (common(q[0]!, p) > common(q[0]!, o[best]!) ? i : best), 0);
  for (let k = 0; k < q.length; k++) {
    const want = o[start + k];
    if (q[k] === want) continue;
    if (want === undefined) return `quoted paragraph ${k + 1} goes beyond the article's ${o.length} paragraph(s)`;
    const at = common(q[k]!, want);
    return `quoted paragraph ${k + 1} differs from official paragraph ${start + k + 1} at 「${q[k]!.slice(at, at + 12)}」, official: 「${want.slice(at, at + 12)}」`;
  }
  return 'quoted paragraphs are not consecutive in the official article';
}

function lessonProblems(laws: Laws, file: string, source: string): string[] {
  const problems: string[] = [];
  const report = (where: string, what: string) => problems.push(`${file}${where}: ${what}`);
  const { fields, body, bodyStart } = frontMatter(source);

  const cites: Citation[] = [];
  for (const ref of (fields.get('cites') ?? '').split(/[,，、]/).filter((r) => r.trim())) {
    const c = parseRef(ref);
    if (!c) report(' cites', `malformed entry "${ref.trim()}" (expected 短名:条号)`);
    else cites.push(c);
  }
  for (const c of cites) {
    const why = missing(laws, c);
    if (why) report(' cites', `${c.text}: ${why}`);
  }
  const cited = new Set(cites.map((c) => `${c.law}:${c.key}`));

  const named = new Set<string>();
  body.split('\n').forEach((line, k) => {
    for (const c of mentions(line)) {
      const where = `:${bodyStart + k}`;
      const why = missing(laws, c);
      if (why) report(where, `${c.text}: ${why}`);
      named.add(`${c.law}:${c.key}`);
      if (!cited.has(`${c.law}:${c.key}`)) report(where, `${c.text} is named in the body but not listed in cites`);
    }
  });

  for (const quote of blockquotes(body, bodyStart)) {
    const head = QUOTE_HEAD_RE.exec(quote.paragraphs[0] ?? '');
    if (!head) continue;
    const c = { law: lawName(head[1] ?? ''), key: keyOf(head[2] ?? '', head[3]), text: `《${head[1]}》第${head[2]}条${head[3] ? `之${head[3]}` : ''}` };
    const where = `:${quote.line}`;
    if (head[4] !== ' ' || !head[5]?.trim()) {
      report(where, `${c.text}: a quote must be 《短名》第X条 + one ASCII space + the text`);
      continue;
    }
    const official = c.key === null ? undefined : laws.get(c.law)?.get(c.key);
    if (!official) continue; // reported as a missing article above
    const why = quoteMismatch([head[5], ...quote.paragraphs.slice(1)], official);
    if (why) report(where, `${c.text}: ${why}`);
  }

  for (const c of cites) {
    if (!named.has(`${c.law}:${c.key}`)) report(' cites', `${c.text} is listed but neither quoted nor named in the body`);
  }
  return problems;
}

interface Question {
  id?: string;
  stem?: string;
  explanation?: string;
  basis?: unknown;
}

function questionProblems(laws: Laws, file: string, source: string): string[] {
  let questions: Question[];
  try {
    questions = JSON.parse(source) as Question[];
  } catch (e) {
    return [`${file}: not valid JSON (${(e as Error).message})`];
  }
  if (!Array.isArray(questions)) return [`${file}: expected an array of questions`];
  return questions.flatMap((question, k) => {
    const where = `${file} ${question.id ?? `#${k + 1}`}`;
    const problems: string[] = [];
    const basis = Array.isArray(question.basis) ? (question.basis as unknown[]) : [];
    if (basis.length === 0) problems.push(`${where} basis: missing or empty`);
    for (const ref of basis) {
      const c = typeof ref === 'string' ? parseRef(ref) : null;
      const why = c ? missing(laws, c) : `malformed entry ${JSON.stringify(ref)} (expected "短名:条号")`;
      if (why) problems.push(`${where} basis: ${c?.text ?? ''}${c ? ': ' : ''}${why}`);
    }
    for (const field of ['stem', 'explanation'] as const) {
      for (const c of mentions(question[field] ?? '')) {
        const why = missing(laws, c);
        if (why) problems.push(`${where} ${field}: ${c.text}: ${why}`);
      }
    }
    return problems;
  });
}

/** Files in content/<dir>/ (one level of subfolders for modules) with the given extension. */
function contentFiles(dir: string, ext: string, nested: boolean): string[] {
  const root = path.join(CONTENT_DIR, dir);
  if (!existsSync(root)) return [];
  const entries = readdirSync(root, { withFileTypes: true });
  const files = nested
    ? entries.filter((e) => e.isDirectory()).flatMap((e) => readdirSync(path.join(root, e.name)).map((f) => path.join(dir, e.name, f)))
    : entries.filter((e) => e.isFile()).map((e) => path.join(dir, e.name));
  return files.filter((f) => f.endsWith(ext)).sort();
}

describe.skipIf(!available)('content citations', () => {
  it('cite existing articles, quote them exactly and list every article they name', () => {
    const laws: Laws = new Map(
      loadOfficialLaws().map((law) => [law.shortTitle, new Map(law.articles.map((a) => [articleKey(a.number, a.sub), a.paragraphs]))]),
    );
    const read = (f: string) => readFileSync(path.join(CONTENT_DIR, f), 'utf8');
    const lessons = contentFiles('modules', '.md', true);
    const questionFiles = contentFiles('questions', '.json', false);
    const problems = [
      ...lessons.flatMap((f) => lessonProblems(laws, f, read(f))),
      ...questionFiles.flatMap((f) => questionProblems(laws, f, read(f))),
    ];
    console.info(`checked ${lessons.length} lessons and ${questionFiles.length} question files`);
    expect(problems, `${problems.length} citation problem(s):\n${problems.join('\n')}\n`).toEqual([]);
  });
});

describe.skipIf(!available)('citation checker', () => {
  const laws: Laws = available
    ? new Map(loadOfficialLaws().map((law) => [law.shortTitle, new Map(law.articles.map((a) => [articleKey(a.number, a.sub), a.paragraphs]))]))
    : new Map();
  const lesson = (cites: string, ...body: string[]) =>
    lessonProblems(laws, 'x.md', ['---', 'slug: x', `cites: ${cites}`, '---', '', ...body].join('\n'));

  it('accepts whole consecutive paragraphs, whatever the spacing', () => {
    expect(
      lesson(
        '民法典:1042, 宪法:5',
        '> 《民法典》第一千零四十二条 禁止重婚。禁止有配偶者与他人同居。',
        '>',
        '> 禁止家庭暴力。禁止家庭成员间的虐待\u3000和遗弃。',
        '',
        '依照《宪法》第五条、《民法典》第一千零四十二条第二款……',
      ),
    ).toEqual([]);
  });

  it('reports each kind of problem with file, line and citation', () => {
    expect(
      lesson(
        '民法典:1042, 民法典:9999, 公司法:266, 宪法:5, 民法典',
        '> 《民法典》第一千零四十二条 禁止包办、买卖婚姻。',
        '',
        '> 《民法典》第一千零四十二条 禁止重婚。',
        '',
        '> 《民法典》第一千零四十二条 禁止家庭暴力。禁止家庭成员间的虐待和遗弃。',
        '>',
        '> 禁止重婚。禁止有配偶者与他人同居。',
        '',
        '> 《宪法》第五条\u3000中华人民共和国实行依法治国，建设社会主义法治国家。',
        '',
        '见《民法典》第一千零四十三条、第一千零四十四条和《公司法》第二百六十六条。',
      ),
    ).toEqual([
      'x.md cites: malformed entry "民法典" (expected 短名:条号)',
      'x.md cites: 民法典:9999: 民法典 has no article 9999',
      'x.md cites: 公司法:266: unknown law 《公司法》 (not among the texts in ../shared/laws)',
      'x.md:16: 《民法典》第一千零四十三条 is named in the body but not listed in cites',
      'x.md:16: 《民法典》第一千零四十四条 is named in the body but not listed in cites',
      'x.md:16: 《公司法》第二百六十六条: unknown law 《公司法》 (not among the texts in ../shared/laws)',
      'x.md:6: 《民法典》第一千零四十二条: quoted paragraph 1 differs from official paragraph 1 at 「。」, official: 「和其他干涉婚姻自由的行为」',
      'x.md:8: 《民法典》第一千零四十二条: quoted paragraph 1 differs from official paragraph 2 at 「」, official: 「禁止有配偶者与他人同居。」',
      "x.md:10: 《民法典》第一千零四十二条: quoted paragraph 2 goes beyond the article's 3 paragraph(s)",
      'x.md:14: 《宪法》第五条: a quote must be 《短名》第X条 + one ASCII space + the text',
      'x.md cites: 民法典:9999 is listed but neither quoted nor named in the body',
    ]);
  });

  it('checks basis and the articles named in questions', () => {
    const json = JSON.stringify([
      { id: 'q-001', stem: '？', explanation: '依照《禁毒法》第二条。', basis: ['禁毒法:2'] },
      { id: 'q-002', stem: '《禁毒法》第九十九条？', explanation: '见《禁毒法》第一百零一十条。', basis: ['禁毒法:200', 5] },
      { id: 'q-003', explanation: '' },
    ]);
    expect(questionProblems(laws, 'q.json', json)).toEqual([
      'q.json q-002 basis: 禁毒法:200: 禁毒法 has no article 200',
      'q.json q-002 basis: malformed entry 5 (expected "短名:条号")',
      'q.json q-002 stem: 《禁毒法》第九十九条: 禁毒法 has no article 99',
      'q.json q-002 explanation: 《禁毒法》第一百零一十条: not a valid article number',
      'q.json q-003 basis: missing or empty',
    ]);
    expect(questionProblems(laws, 'q.json', '[{')[0]).toMatch(/^q\.json: not valid JSON/);
  });
});
