// Exam-grade figures over the whole question bank (every file in content/questions/, so new modules are covered
// as soon as they exist): a test-wise guesser must gain nothing from option lengths, multiple-choice questions must
// not be given away by a single odd option out, no question repeats another, and the modal verbs (可以/应当/必须/不得)
// of a keyed answer or an explanation match the article it rests on. The figures are printed on every run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleKey, parseArticleKey } from '../../../lib/laws/article-ref';
import { cnToInt, CN_NUMERAL_CHARS } from '../../../lib/laws/cn-numerals';
import { readShippedQuestions } from '../../../server/quiz/bank';
import { LAWS_MISSING_MESSAGE, lawsAvailable, loadOfficialLaws } from '../laws/official-laws';

const CONTENT_DIR = path.resolve(process.cwd(), 'content');
const QUESTIONS_DIR = path.join(CONTENT_DIR, 'questions');

/** Limits from issue 14 ("Exam-grade questions"); the same 35 % bounds every other length rank and every position. */
export const MAX_LONGEST_KEYED_SHARE = 0.35;
export const MIN_MULTI_TWO_WRONG_SHARE = 0.8;

interface Question {
  id: string;
  type: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options?: string[];
  answer: number[] | boolean;
  explanation: string;
  basis: string[];
}

interface Loaded {
  file: string;
  questions: Question[];
}

function loadBank(): Loaded[] {
  return readdirSync(QUESTIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, questions: JSON.parse(readFileSync(path.join(QUESTIONS_DIR, file), 'utf8')) as Question[] }));
}

const chars = (s: string) => [...s].length;
/** Stems and options compared without whitespace, punctuation or quotes. */
export const normalise = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * How often a test-wise guesser who always picks the longest option (by characters, choosing at random among options
 * tied for longest) hits the key: 1 when the keyed option is strictly longest, 1/k when it ties with k−1 others, else 0.
 */
export function longestPickHit(q: Pick<Question, 'options' | 'answer'>): number {
  const options = q.options ?? [];
  const key = Array.isArray(q.answer) ? q.answer[0] : undefined;
  if (key === undefined || options[key] === undefined) return 0;
  const longest = Math.max(...options.map(chars));
  if (chars(options[key]) < longest) return 0;
  return 1 / options.filter((o) => chars(o) === longest).length;
}

/**
 * The same for every length rank: entry k is how often a guesser who always picks the k-th longest option (ties in
 * random order) hits the key. Entry 0 equals longestPickHit; a key that is always second-longest is as easy to guess.
 */
export function lengthRankHits(q: Pick<Question, 'options' | 'answer'>): number[] {
  const options = q.options ?? [];
  const key = Array.isArray(q.answer) ? q.answer[0] : undefined;
  const hits = options.map(() => 0);
  const keyed = key === undefined ? undefined : options[key];
  if (keyed === undefined) return hits;
  const sorted = options.map(chars).sort((a, b) => b - a);
  const first = sorted.indexOf(chars(keyed));
  const tied = sorted.filter((n) => n === chars(keyed)).length;
  for (let k = first; k < first + tied; k++) hits[k] = 1 / tied;
  return hits;
}

export function wrongOptions(q: Pick<Question, 'options' | 'answer'>): number {
  return (q.options?.length ?? 0) - (Array.isArray(q.answer) ? q.answer.length : 0);
}

export interface BankFigures {
  single: number;
  /** single-choice questions whose keyed option is strictly the longest */
  strictlyLongestKeyed: number;
  /** expected hits of the longest-option guesser (ties shared), and their share of single-choice questions */
  longestKeyed: number;
  longestKeyedShare: number;
  /** share of single-choice questions the k-th-longest guesser gets right, k = 0 (longest), 1, … */
  lengthRankShares: number[];
  /** share of single-choice questions keyed at option position k (A, B, C, …) */
  positionShares: number[];
  multiple: number;
  twoOrMoreWrong: number;
  twoOrMoreWrongShare: number;
}

export function bankFigures(questions: Pick<Question, 'type' | 'options' | 'answer'>[]): BankFigures {
  const single = questions.filter((q) => q.type === 'single');
  const multiple = questions.filter((q) => q.type === 'multiple');
  const strictlyLongestKeyed = single.filter((q) => longestPickHit(q) === 1).length;
  const longestKeyed = single.reduce((sum, q) => sum + longestPickHit(q), 0);
  const twoOrMoreWrong = multiple.filter((q) => wrongOptions(q) >= 2).length;
  const share = (sums: number[]) => sums.map((x) => (single.length ? x / single.length : 0));
  const rankSums: number[] = [];
  const positionSums: number[] = [];
  for (const q of single) {
    lengthRankHits(q).forEach((h, k) => (rankSums[k] = (rankSums[k] ?? 0) + h));
    const key = Array.isArray(q.answer) ? (q.answer[0] ?? 0) : 0;
    positionSums[key] = (positionSums[key] ?? 0) + 1;
  }
  return {
    single: single.length,
    strictlyLongestKeyed,
    longestKeyed,
    longestKeyedShare: single.length ? longestKeyed / single.length : 0,
    lengthRankShares: share(Array.from(rankSums, (x) => x ?? 0)),
    positionShares: share(Array.from(positionSums, (x) => x ?? 0)),
    multiple: multiple.length,
    twoOrMoreWrong,
    twoOrMoreWrongShare: multiple.length ? twoOrMoreWrong / multiple.length : 1,
  };
}

/** What the key says, in words: the keyed options (sorted), or for true/false the stem and its truth. */
function keyedText(q: Question): string {
  if (q.type === 'truefalse') return `${normalise(q.stem)}=${String(q.answer)}`;
  const answer = Array.isArray(q.answer) ? q.answer : [];
  return answer
    .map((i) => normalise(q.options?.[i] ?? ''))
    .sort()
    .join('|');
}

/** Pairs of questions that repeat each other: the same stem, or the same basis with the same keyed answer. */
export function repeats(questions: Question[]): string[] {
  const problems: string[] = [];
  const byStem = new Map<string, string>();
  const byBasisKey = new Map<string, string>();
  for (const q of questions) {
    const stem = normalise(q.stem);
    const seen = byStem.get(stem);
    if (seen) problems.push(`${q.id} has the same stem as ${seen}`);
    else byStem.set(stem, q.id);
    const basisKey = `${[...q.basis].sort().join(',')}#${keyedText(q)}`;
    const same = byBasisKey.get(basisKey);
    if (same) problems.push(`${q.id} tests the same basis with the same keyed answer as ${same}`);
    else byBasisKey.set(basisKey, q.id);
  }
  return problems;
}

/** Format rules of content/README.md beyond what the loader's schema checks. */
function formatProblems({ file, questions }: Loaded): string[] {
  const slug = file.replace(/\.json$/, '');
  const problems: string[] = [];
  questions.forEach((q, k) => {
    const where = `${file} ${q.id ?? `#${k + 1}`}`;
    if (q.id !== `${slug}-${String(k + 1).padStart(3, '0')}`)
      problems.push(`${where}: id must be ${slug}-${String(k + 1).padStart(3, '0')} (ids follow positions: every third is exam pool)`);
    for (const ref of q.basis ?? [])
      if (typeof ref !== 'string' || !/^[^:：\s]+:\d+(?:-\d+)?$/.test(ref)) problems.push(`${where}: basis "${String(ref)}" is not 短名:条号`);
    if (!q.explanation?.trim()) problems.push(`${where}: explanation is empty`);
    else if (!/《[^《》]+》第[^条]{1,8}条/.test(q.explanation)) problems.push(`${where}: explanation names no article (《短名》第X条)`);
    const options = q.options ?? [];
    if (q.type !== 'truefalse') {
      if (new Set(options.map(normalise)).size !== options.length) problems.push(`${where}: two options say the same`);
      for (const o of options) if (/^\s*[A-Ea-e][.．、)）]/.test(o)) problems.push(`${where}: option "${o}" has a letter prefix`);
    }
    if (q.type === 'multiple' && Array.isArray(q.answer) && wrongOptions(q) < 1)
      problems.push(`${where}: a multiple-choice question needs at least one wrong option`);
  });
  return problems;
}

// ── 可以/应当/必须/不得 against the official text ──────────────────────────────────────────────────────────────

type Laws = Map<string, Map<string, string>>; // short title → article key (1042, 133-1) → whole text, whitespace removed

const MODALS = ['可以', '应当', '必须', '不得'] as const;
const NUM = `[${CN_NUMERAL_CHARS}\\d]+`;
const NAMED_RE = new RegExp(`《([^《》]+)》第(${NUM})条(?:之(${NUM}))?`, 'g');
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * Modal swaps: a modal verb followed by a verb (应当减轻) where the article uses a different modal before the same
 * verb (可以减轻) and never this one. Conservative on purpose: a paraphrase without a modal passes.
 */
export function modalSwaps(text: string, article: string): string[] {
  const t = squash(text);
  const found: string[] = [];
  for (const modal of MODALS) {
    for (let i = t.indexOf(modal); i >= 0; i = t.indexOf(modal, i + 1)) {
      const verb = t.slice(i + 2, i + 4);
      if (chars(verb) < 2 || /\p{P}/u.test(verb)) continue;
      if (article.includes(modal + verb)) continue;
      const other = MODALS.find((m) => m !== modal && article.includes(m + verb));
      if (other) found.push(`「${modal}${verb}」 where the article says 「${other}${verb}」`);
    }
  }
  return found;
}

function articleTexts(laws: Laws, refs: string[]): { ref: string; text: string }[] {
  return refs.flatMap((ref) => {
    const m = /^([^:]+):(.+)$/.exec(ref);
    const article = m ? parseArticleKey(m[2]!) : null;
    const text = m && article ? laws.get(m[1]!)?.get(articleKey(article.number, article.sub)) : undefined;
    return text ? [{ ref, text }] : [];
  });
}

/** Statements the key asserts: the keyed options, a true statement, and the explanation. */
function assertedTexts(q: Question): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [{ field: 'explanation', text: q.explanation }];
  if (q.type === 'truefalse') {
    if (q.answer === true) out.push({ field: 'stem (keyed true)', text: q.stem });
  } else if (Array.isArray(q.answer)) {
    for (const i of q.answer) out.push({ field: `keyed option ${i + 1}`, text: q.options?.[i] ?? '' });
  }
  return out;
}

function modalProblems(laws: Laws, { file, questions }: Loaded): string[] {
  return questions.flatMap((q) => {
    const where = `${file} ${q.id}`;
    const problems: string[] = [];
    for (const { field, text } of assertedTexts(q)) {
      // an explanation is held to the articles it names in the sentence; keyed statements to the basis
      const sentences = field === 'explanation' ? text.split(/(?<=[。；！？])/) : [text];
      for (const sentence of sentences) {
        const toInt = (s: string) => (/^\d+$/.test(s) ? Number(s) : cnToInt(s));
        const named = [...sentence.matchAll(NAMED_RE)].map((m) => {
          const sub = m[3] ? toInt(m[3]) : 0;
          return `${m[1]!.replace(/^中华人民共和国/, '')}:${articleKey(toInt(m[2]!) ?? 0, sub ?? 0)}`;
        });
        const refs = field === 'explanation' ? named : q.basis;
        if (refs.length === 0) continue;
        const articles = articleTexts(laws, refs);
        const all = articles.map((a) => a.text).join('');
        for (const swap of modalSwaps(sentence, all)) problems.push(`${where} ${field}: ${swap} (${refs.join(', ')})`);
      }
    }
    return problems;
  });
}

// ── the tests ───────────────────────────────────────────────────────────────────────────────────────────────

describe('question bank quality', () => {
  const bank = loadBank();
  const all = bank.flatMap((b) => b.questions);

  it('loads with the same schema the server uses', () => {
    expect(() => readShippedQuestions(CONTENT_DIR)).not.toThrow();
    expect(all.length).toBeGreaterThan(0);
  });

  it('keeps ids, explanations, basis and options in the format of content/README.md', () => {
    const problems = bank.flatMap(formatProblems);
    expect(problems, `${problems.length} format problem(s):\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('does not let a test-wise guesser gain from option lengths or odd options out', () => {
    const figures = bankFigures(all);
    const perFile = bank.map(({ file, questions }) => {
      const f = bankFigures(questions);
      return `${file}: keyed strictly longest ${f.strictlyLongestKeyed}/${f.single}, longest-guesser hits ${f.longestKeyed.toFixed(1)}, ≥2 wrong ${f.twoOrMoreWrong}/${f.multiple}`;
    });
    console.info(
      [
        `${all.length} questions in ${bank.length} files`,
        `single choice, keyed option strictly the longest: ${figures.strictlyLongestKeyed}/${figures.single} = ${((100 * figures.strictlyLongestKeyed) / figures.single).toFixed(1)} %`,
        `single choice, "pick the longest" guesser (ties shared) right: ${figures.longestKeyed.toFixed(1)}/${figures.single} = ${(100 * figures.longestKeyedShare).toFixed(1)} % (limit ${100 * MAX_LONGEST_KEYED_SHARE} %, chance with four options 25 %)`,
        `single choice, "pick the k-th longest" guesser right, k = 1, 2, …: ${figures.lengthRankShares.map((x) => `${(100 * x).toFixed(1)} %`).join(', ')}`,
        `single choice, key at position A, B, C, …: ${figures.positionShares.map((x) => `${(100 * x).toFixed(1)} %`).join(', ')}`,
        `multiple choice with two or more wrong options: ${figures.twoOrMoreWrong}/${figures.multiple} = ${(100 * figures.twoOrMoreWrongShare).toFixed(1)} % (at least ${100 * MIN_MULTI_TWO_WRONG_SHARE} %)`,
        ...perFile,
      ].join('\n'),
    );
    expect(figures.longestKeyedShare).toBeLessThanOrEqual(MAX_LONGEST_KEYED_SHARE);
    for (const rankShare of figures.lengthRankShares) expect(rankShare).toBeLessThanOrEqual(MAX_LONGEST_KEYED_SHARE);
    for (const positionShare of figures.positionShares) expect(positionShare).toBeLessThanOrEqual(MAX_LONGEST_KEYED_SHARE);
    expect(figures.twoOrMoreWrongShare).toBeGreaterThanOrEqual(MIN_MULTI_TWO_WRONG_SHARE);
  });

  it('has no two questions with the same stem or the same basis and keyed answer', () => {
    const problems = repeats(all);
    expect(problems, `${problems.length} repeated question(s):\n${problems.join('\n')}\n`).toEqual([]);
  });
});

describe('question quality checks', () => {
  const q = (options: string[], answer: number[], type: Question['type'] = 'single'): Question => ({
    id: 'x-001',
    type,
    stem: '？',
    options,
    answer,
    explanation: '',
    basis: ['民法典:1'],
  });

  it('gives every length rank its share of a tie', () => {
    expect(lengthRankHits(q(['甲乙丙', '丙丁', '戊'], [1]))).toEqual([0, 1, 0]);
    expect(lengthRankHits(q(['甲乙', '丙丁', '戊', '己庚辛'], [0]))).toEqual([0, 0.5, 0.5, 0]);
  });

  it('shares a tie for longest among the tied options', () => {
    expect(longestPickHit(q(['甲乙丙', '丙丁', '戊'], [0]))).toBe(1);
    expect(longestPickHit(q(['甲乙', '丙丁', '戊'], [0]))).toBe(0.5);
    expect(longestPickHit(q(['甲', '丙丁', '戊'], [0]))).toBe(0);
  });

  it('computes the shares over single and multiple choice only', () => {
    expect(
      bankFigures([
        q(['长长的答案', '短', '短'], [0]),
        q(['短', '长长的错误', '短'], [0]),
        q(['一样长', '一样长的', '也一样长'], [2]),
        q(['a', 'b', 'c', 'd'], [0, 1], 'multiple'),
        q(['a', 'b', 'c', 'd'], [0, 1, 2], 'multiple'),
      ]),
    ).toEqual({
      single: 3,
      strictlyLongestKeyed: 1,
      longestKeyed: 1.5,
      longestKeyedShare: 0.5,
      lengthRankShares: [0.5, 1 / 3, 0.5 / 3],
      positionShares: [2 / 3, 0, 1 / 3],
      multiple: 2,
      twoOrMoreWrong: 1,
      twoOrMoreWrongShare: 0.5,
    });
  });

  it('finds repeated stems and repeated keys on the same basis', () => {
    const a = { ...q(['可以', '应当', '不得'], [1]), id: 'x-001', stem: '谁来罚款？' };
    const b = { ...q(['应当', '可以', '必须'], [0]), id: 'x-002', stem: '谁 来罚款?' };
    const c = { ...q(['必须', '应当'], [1]), id: 'x-003', stem: '另一个问题' };
    expect(repeats([a, b, c])).toEqual([
      'x-002 has the same stem as x-001',
      'x-002 tests the same basis with the same keyed answer as x-001',
      'x-003 tests the same basis with the same keyed answer as x-001',
    ]);
  });

  it('flags a modal verb swapped against the article and nothing else', () => {
    const article = '非营运机动车发生交通事故造成无偿搭乘人损害，属于该机动车一方责任的，应当减轻其赔偿责任。';
    expect(modalSwaps('属于机动车一方责任的，可以减轻赔偿责任', article)).toEqual([
      '「可以减轻」 where the article says 「应当减轻」',
    ]);
    expect(modalSwaps('应当减轻其赔偿责任', article)).toEqual([]);
    expect(modalSwaps('要减轻赔偿责任', article)).toEqual([]);
  });
});

if (!lawsAvailable()) console.warn(LAWS_MISSING_MESSAGE);

describe.skipIf(!lawsAvailable())('modal verbs match the articles', () => {
  it('keyed answers and explanations say 可以/应当/必须/不得 where the article does', () => {
    const laws: Laws = new Map(
      loadOfficialLaws().map((law) => [
        law.shortTitle,
        new Map(law.articles.map((a) => [articleKey(a.number, a.sub), squash(a.paragraphs.join(''))])),
      ]),
    );
    const problems = loadBank().flatMap((b) => modalProblems(laws, b));
    expect(problems, `${problems.length} modal mismatch(es):\n${problems.join('\n')}\n`).toEqual([]);
  });
});
