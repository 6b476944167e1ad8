// Parses official law texts (LawRefBook / just-laws Markdown, plain text, .docx via docxToText) into articles.
// Structure is recognised by keywords (编/分编/章/节/条), never by the number of '#'.
import { CN_NUMERAL_CHARS, cnToInt } from './cn-numerals';

export type HeadingLevel = '编' | '分编' | '章' | '节';

export interface LawHeading {
  level: HeadingLevel;
  /** 第一章; empty for unnumbered parts such as 附则 */
  label: string;
  /** name with inner whitespace removed (总 则 → 总则), for comparison */
  name: string;
  /** display form: 第一章 总则 */
  display: string;
  /** display forms from the outermost heading down to this one */
  path: string[];
  line: number;
}

export interface LawArticle {
  number: number;
  /** 0 for 第X条; Y for 第X条之Y (刑法's inserted articles), which follow 第X条 and are addressed on their own */
  sub: number;
  /** as written: 第一千零四十二条, 第一百三十三条之一 */
  label: string;
  headingPath: string[];
  paragraphs: string[];
  line: number;
}

export interface ParsedLaw {
  title: string;
  shortTitle: string;
  part?: string;
  versionDate: string | null;
  history: string[];
  preamble: string[];
  headings: LawHeading[];
  articles: LawArticle[];
}

export class LawParseError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    zh: string,
    en: string,
  ) {
    super(`${fileName}:${line}: ${zh} / ${en}`);
    this.name = 'LawParseError';
  }
}

const N = `[${CN_NUMERAL_CHARS}]+`;
const ARTICLE_RE = new RegExp(`^\\s*(?:\\*\\*)?\\s*第(${N})条(之${N})?(?:\\*\\*)?(?:\\s+|$)(.*)$`);
const HEADING_RE = new RegExp(`^第(${N})(分编|编|章|节)(?:\\s+(.*))?$`);
const DATE_RE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const HISTORY_START_RE = /^(?:根据)?\s*\d{4}年\d{1,2}月\d{1,2}日/;
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff]/g;
const LEVEL_RANK: Record<HeadingLevel, number> = { 编: 0, 分编: 1, 章: 2, 节: 3 };

/** 民法典 is published per 编 in the split files; give those parts the numbering of the full code. */
const CIVIL_CODE = '中华人民共和国民法典';
const CIVIL_CODE_PARTS: Record<string, string> = {
  总则: '第一编',
  物权编: '第二编',
  合同编: '第三编',
  人格权编: '第四编',
  婚姻家庭编: '第五编',
  继承编: '第六编',
  侵权责任编: '第七编',
};

/** Orders articles by number, then 之Y: 第一百三十三条 < 第一百三十三条之一 < 第一百三十三条之二 < 第一百三十四条. */
export function compareArticles(a: { number: number; sub: number }, b: { number: number; sub: number }): number {
  return a.number - b.number || a.sub - b.sub;
}

export const compact = (s: string): string => s.replace(/\s+/g, '');

type Line =
  | { kind: 'blank' }
  | { kind: 'infoEnd' }
  | { kind: 'article'; numeral: string; suffix?: string; label: string; text: string }
  | { kind: 'heading'; level: HeadingLevel; label: string; name: string }
  | { kind: 'special'; name: '序言' | '目录' | '附则'; md: boolean }
  | { kind: 'appendix' }
  | { kind: 'footnote' }
  | { kind: 'otherHeading'; text: string }
  | { kind: 'text'; text: string };

function classify(raw: string): Line {
  if (/^\s*<!--\s*INFO END\s*-->\s*$/.test(raw)) return { kind: 'infoEnd' };
  const line = raw.replace(/<!--.*?-->/g, '').trim();
  if (!line) return { kind: 'blank' };

  const article = ARTICLE_RE.exec(line);
  if (article) {
    const [, numeral = '', suffix, text = ''] = article;
    return { kind: 'article', numeral, suffix, label: `第${numeral}条${suffix ?? ''}`, text: text.trim() };
  }

  // "① …": an editor's footnote (刑法's note on when its amendments took effect), not part of the article above it
  if (/^[\u2460-\u2473][ \u3000]/.test(line)) return { kind: 'footnote' };

  const md = /^#{1,6}(?:\s+|$)(.*)$/.exec(line);
  const text = (md ? (md[1] ?? '') : line).replace(/\*\*/g, '').trim();
  if (!text) return { kind: 'blank' }; // an empty '##'
  const special = compact(text);
  // 附件一, 附件二 (lists of repealed and retained acts after 刑法's last article): the articles end here
  if (md && /^附(?:件|录)[一二三四五六七八九十]*$/.test(special)) return { kind: 'appendix' };
  if (special === '序言' || special === '目录' || special === '附则') return { kind: 'special', name: special, md: !!md };

  const heading = HEADING_RE.exec(text);
  // a plain (non-'#') line only counts as a heading if it does not read like a sentence
  if (heading && (md || !/[。；，：]/.test(text))) {
    const [, numeral = '', level, name = ''] = heading;
    return { kind: 'heading', level: level as HeadingLevel, label: `第${numeral}${level}`, name: compact(name) };
  }
  return md ? { kind: 'otherHeading', text } : { kind: 'text', text };
}

/** Splits (1996年… 通过　根据2009年… 修正) into one entry per event. */
function historyEntries(text: string): string[] {
  const inner = /^[（(].*[）)]$/.test(text) ? text.slice(1, -1) : text;
  return inner
    .split(/\s+(?=(?:根据)?\d{4}年)/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function latestDate(history: string[]): string | null {
  let best: string | null = null;
  for (const entry of history) {
    const m = DATE_RE.exec(entry);
    if (!m) continue;
    const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
    if (!best || iso > best) best = iso;
  }
  return best;
}

export function parseLawText(text: string, opts: { fileName: string }): ParsedLaw {
  function fail(line: number, zh: string, en: string): never {
    throw new LawParseError(opts.fileName, line, zh, en);
  }
  const lines = text.replace(INVISIBLE_RE, '').split(/\r\n|\r|\n/);

  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0) fail(1, 'YAML 头部没有结束的 ---', 'unterminated YAML front matter');
    i = end + 1;
  }

  let title = '';
  let part: string | undefined;
  let phase: 'title' | 'meta' | 'body' = 'title';
  let inPreamble = false;
  let toc: { first: string | null } | null = null;
  const history: string[] = [];
  const preamble: string[] = [];
  const headings: LawHeading[] = [];
  const articles: LawArticle[] = [];
  let stack: LawHeading[] = [];
  let current: LawArticle | null = null;

  const closeArticle = () => {
    if (current && current.paragraphs.length === 0) {
      fail(current.line, `${current.label}没有正文`, `article ${current.label} has no text`);
    }
    current = null;
  };

  const addHeading = (level: HeadingLevel, label: string, name: string, lineNo: number) => {
    const display = [label, name].filter(Boolean).join(' ');
    stack = stack.filter((h) => LEVEL_RANK[h.level] < LEVEL_RANK[level]);
    const heading: LawHeading = { level, label, name, display, path: [...stack.map((h) => h.display), display], line: lineNo };
    stack.push(heading);
    headings.push(heading);
  };

  for (; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = classify(lines[i] ?? '');
    if (line.kind === 'blank' || line.kind === 'footnote') continue;
    if (line.kind === 'appendix' && phase === 'body') break;

    if (phase === 'title') {
      if (line.kind !== 'text' && line.kind !== 'otherHeading') fail(lineNo, '缺少法律标题', 'missing law title');
      const t = compact(line.text);
      if (HISTORY_START_RE.test(t)) fail(lineNo, '缺少法律标题', 'missing law title');
      title = t;
      phase = 'meta';
      continue;
    }

    if (phase === 'meta') {
      if (line.kind === 'infoEnd') {
        phase = 'body';
        continue;
      }
      const partName = line.kind === 'otherHeading' ? line.text : line.kind === 'special' && line.md ? line.name : null;
      if (partName !== null && part === undefined && history.length === 0) {
        part = compact(partName);
        const label = title === CIVIL_CODE ? CIVIL_CODE_PARTS[part] : undefined;
        addHeading('编', label ?? '', label ? part.replace(/编$/, '') : part, lineNo);
        continue;
      }
      if (line.kind === 'text') {
        const entries = historyEntries(line.text);
        const last = history.length - 1;
        if (last >= 0 && !HISTORY_START_RE.test(line.text)) history[last] += entries.join('');
        else history.push(...entries);
        continue;
      }
      phase = 'body'; // the first heading or article ends the metadata
    }

    if (toc) {
      const key = line.kind === 'heading' ? line.label + line.name : line.kind === 'special' ? line.name : null;
      if (line.kind !== 'article' && (key === null || toc.first === null || key !== toc.first)) {
        if (toc.first === null && key !== null) toc.first = key;
        continue;
      }
      toc = null; // the table of contents ends where its first entry repeats
    }

    switch (line.kind) {
      case 'infoEnd':
      case 'appendix':
        continue;
      case 'heading':
        closeArticle();
        inPreamble = false;
        addHeading(line.level, line.label, line.name, lineNo);
        continue;
      case 'special':
        if (line.name === '目录') toc = { first: null };
        else if (line.name === '附则') {
          closeArticle();
          addHeading('编', '', '附则', lineNo);
        } else if (articles.length > 0) fail(lineNo, '序言出现在条文之后', 'preamble after the first article');
        else inPreamble = true;
        continue;
      case 'otherHeading':
        fail(lineNo, `无法识别的标题“${line.text}”`, `unrecognised heading "${line.text}"`);
        continue;
      case 'article': {
        closeArticle();
        inPreamble = false;
        const number = cnToInt(line.numeral);
        const sub = line.suffix ? cnToInt(line.suffix.slice(1)) : 0;
        if (number === null || sub === null) fail(lineNo, `条号“${line.label}”不是有效的中文数字`, `invalid article number ${line.label}`);
        const prev = articles[articles.length - 1];
        if (prev) {
          const expected = sub > 0 ? number === prev.number && sub === prev.sub + 1 : number === prev.number + 1;
          if (!expected) {
            const order = compareArticles({ number, sub }, prev);
            if (order === 0) fail(lineNo, `条号重复：${line.label}`, `duplicate article number ${line.label}`);
            if (order < 0) {
              fail(
                lineNo,
                `条号倒退：${prev.label}之后是${line.label}`,
                `article number goes backwards: ${line.label} after ${prev.label}`,
              );
            }
            fail(lineNo, `条号不连续：${prev.label}之后是${line.label}`, `gap in article numbers: ${line.label} after ${prev.label}`);
          }
        } else if (sub > 0) fail(lineNo, `${line.label}之前没有第${line.numeral}条`, `${line.label} does not follow its base article`);
        current = {
          number,
          sub,
          label: line.label,
          headingPath: stack.map((h) => h.display),
          paragraphs: line.text ? [line.text] : [],
          line: lineNo,
        };
        articles.push(current);
        continue;
      }
      case 'text':
        if (current) current.paragraphs.push(line.text);
        else if (inPreamble) preamble.push(line.text);
        else fail(lineNo, '第一条之前出现了不属于序言或标题的文字', 'text before the first article that is neither preamble nor heading');
    }
  }

  if (!title) fail(1, '缺少法律标题', 'missing law title');
  closeArticle();
  if (articles.length === 0) fail(lines.length, '没有找到任何条文', 'no articles found');

  return {
    title,
    shortTitle: title.replace(/^中华人民共和国/, ''),
    ...(part !== undefined ? { part } : {}),
    versionDate: latestDate(history),
    history,
    preamble,
    headings,
    articles,
  };
}
