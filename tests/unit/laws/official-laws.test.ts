// Parses every official text in ../shared/laws and checks it against the counts in its README.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleLabel, CN_NUMERAL_CHARS, intToCn } from '../../../lib/laws/cn-numerals';
import type { ParsedLaw } from '../../../lib/laws/parse';
import { LAWS_DIR, LAWS_MISSING_MESSAGE, lawFileNames, lawsAvailable, loadLawFiles, loadOfficialLaws, readLawFile } from './official-laws';

const available = lawsAvailable();
if (!available) console.warn(LAWS_MISSING_MESSAGE);

/**
 * Rows of the README's file table: `| file.md | 全称 | 版本 | 258（第205–462条） | 60.5 |`, and for a law with inserted
 * articles `| xingfa.md | … | 505（第1–452条 + 53 条“第X条之Y”） | 213.7 |`: count includes the 第X条之Y articles.
 */
function readmeTable(): { file: string; count: number; first: number; inserted: number }[] {
  const readme = readFileSync(path.join(LAWS_DIR, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| ([\w-]+\.md) \|[^|]*\|[^|]*\| (\d+)(?:（第(\d+)–(\d+)条(?: \+ (\d+) 条[^）]*)?）)? \|/gm)].map((m) => ({
    file: m[1]!,
    count: Number(m[2]),
    first: m[3] ? Number(m[3]) : 1,
    inserted: m[5] ? Number(m[5]) : 0,
  }));
}

/** The README's own rule for 民法典: published as one law in several files named minfadian-*. */
const lawCountFromReadme = (rows: { file: string }[]) =>
  rows.length - Math.max(0, rows.filter((r) => r.file.startsWith('minfadian-')).length - 1);

/** The README's own counting rule: lines starting with 第X条 (after optional whitespace and **). */
const README_ARTICLE_RE = new RegExp(
  `^[\\s\\u3000\\u200b\\ufeff]*(?:\\*\\*)?[\\s\\u3000]*第([${CN_NUMERAL_CHARS}]+)条(?:之[${CN_NUMERAL_CHARS}]+)?(?:\\*\\*)?`,
);

describe.skipIf(!available)('official law texts in ../shared/laws', () => {
  const files = available ? loadLawFiles() : [];
  const byFile = new Map(files.map((f) => [f.fileName, f.law]));
  const law = (fileName: string): ParsedLaw => {
    const found = byFile.get(fileName);
    if (!found) throw new Error(`${fileName} not parsed`);
    return found;
  };
  const article = (fileName: string, n: number) => law(fileName).articles.find((a) => a.number === n);

  it('has a README row for every file and a file for every row', () => {
    expect(
      readmeTable()
        .map((r) => r.file)
        .sort(),
    ).toEqual(lawFileNames());
  });

  it.each(available ? readmeTable() : [])('$file: $count articles from 第$first条, consecutive', ({ file, count, first, inserted }) => {
    const articles = law(file).articles;
    expect(articles).toHaveLength(count);
    const base = articles.filter((a) => a.sub === 0);
    expect(base.map((a) => a.number)).toEqual(Array.from({ length: count - inserted }, (_, k) => first + k));
    expect(articles.filter((a) => a.sub > 0)).toHaveLength(inserted);
    const label = (a: { number: number; sub: number }) => articleLabel(a.number).replace(/条$/, a.sub ? `条之${intToCn(a.sub)}` : '条');
    expect(articles.every((a) => a.label === label(a) && a.paragraphs.length > 0)).toBe(true);
    // every 第X条之Y follows 第X条 or 第X条之(Y−1)
    articles.forEach((a, k) => {
      if (a.sub > 0) expect(articles[k - 1], `${file} ${a.label}`).toMatchObject({ number: a.number, sub: a.sub - 1 });
    });
    const counted = readLawFile(file)
      .split('\n')
      .filter((l) => README_ARTICLE_RE.test(l)).length;
    expect(counted).toBe(count);
  });

  it('finds every keyword heading line of every file', () => {
    for (const { fileName, law: parsed } of files) {
      // numbered headings and an unnumbered 附则 part; 附件 after the last article are not part of the law's structure
      const headingLines = readLawFile(fileName)
        .split('\n')
        .filter((l) => /^#+\s+第/.test(l) || /^#{2,}\s+附\s*则\s*$/.test(l)).length;
      const partHeadings = parsed.part ? 1 : 0;
      expect(parsed.headings.length, fileName).toBe(headingLines + partHeadings);
    }
  });

  it('merges the 8 民法典 files into one law of 1260 articles', () => {
    const laws = loadOfficialLaws();
    const civil = laws.find((l) => l.shortTitle === '民法典');
    expect(civil?.articles.map((a) => a.number)).toEqual(Array.from({ length: 1260 }, (_, k) => k + 1));
    expect(civil?.part).toBeUndefined();
    expect(laws).toHaveLength(lawCountFromReadme(readmeTable()));
    expect(new Set(laws.map((l) => l.shortTitle)).size).toBe(laws.length);
  });

  it('places articles under the right headings', () => {
    expect(article('minfadian-5-hunyin-jiating.md', 1042)?.headingPath).toEqual(['第五编 婚姻家庭', '第一章 一般规定']);
    expect(article('minfadian-2-wuquan.md', 210)?.headingPath).toEqual([
      '第二编 物权',
      '第一分编 通则',
      '第二章 物权的设立、变更、转让和消灭',
      '第一节 不动产登记',
    ]);
    expect(article('minfadian-2-wuquan.md', 362)?.headingPath.at(-1)).toBe('第十三章 宅基地使用权');
    expect(article('minfadian-3-hetong.md', 979)?.headingPath).toEqual(['第三编 合同', '第三分编 准合同', '第二十八章 无因管理']);
    expect(article('minfadian-1-zongze.md', 188)?.headingPath).toEqual(['第一编 总则', '第九章 诉讼时效']);
    expect(article('minfadian-8-fuze.md', 1260)?.headingPath).toEqual(['附则']);

    const chufa = law('xingzheng-chufa-fa.md').articles;
    const inSection = (path: string[]) => chufa.filter((a) => a.headingPath.join('/') === path.join('/')).map((a) => a.number);
    expect(inSection(['第五章 行政处罚的决定', '第一节 一般规定'])).toEqual([39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(inSection(['第五章 行政处罚的决定', '第四节 听证程序'])).toEqual([63, 64, 65]);

    expect(article('zhian-guanli-chufa-fa.md', 1)?.headingPath).toEqual(['第一章 总则']);
    expect(article('zhian-guanli-chufa-fa.md', 144)?.headingPath).toEqual(['第六章 附则']);
    expect(article('falv-yuanzhu-fa.md', 1)?.headingPath).toEqual(['第一章 总则']);
    expect(article('fan-youzuzhi-fanzui-fa.md', 77)?.headingPath).toEqual(['第九章 附则']);
  });

  it("addresses 刑法's inserted articles on their own and ends its articles before the 附件", () => {
    const xingfa = law('xingfa.md').articles;
    const find = (number: number, sub: number) => xingfa.find((a) => a.number === number && a.sub === sub);
    expect(find(133, 1)?.label).toBe('第一百三十三条之一');
    expect(find(133, 1)?.paragraphs[0]).toMatch(/^在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金/);
    expect(find(133, 1)?.headingPath.at(-1)).toBe('第二章 危害公共安全罪');
    expect(find(120, 6)?.label).toBe('第一百二十条之六');
    expect(find(199, 0)?.paragraphs).toEqual(['（删去）']);
    const last = xingfa.at(-1)!;
    expect(last.label).toBe('第四百五十二条');
    expect(last.headingPath).toEqual(['附则']);
    expect(last.paragraphs.join('')).not.toMatch(/①|惩治军人违反职责罪暂行条例/);
  });

  it('reads the just-laws format of 社会救助法 (bold article numbers, U+3000 separators, front matter)', () => {
    const jiuzhu = law('shehui-jiuzhu-fa.md');
    expect(jiuzhu.title).toBe('中华人民共和国社会救助法');
    expect(jiuzhu.articles[0]?.paragraphs[0]).not.toMatch(/^\*\*|^\u3000/);
    expect(jiuzhu.articles.at(-1)?.paragraphs.join('')).toMatch(/2026年7月1日起施行/);
  });

  it('keeps the 宪法 preamble and skips FORCE BREAK comments', () => {
    const xianfa = law('xianfa.md');
    expect(xianfa.preamble).toHaveLength(13);
    expect(xianfa.preamble[0]).toMatch(/^中国是世界上历史最悠久的国家之一/);
    expect(xianfa.preamble.some((p) => p.includes('<!--'))).toBe(false);
    expect(xianfa.articles[0]?.headingPath).toEqual(['第一章 总纲']);
    expect(xianfa.articles[142]?.paragraphs).toEqual(['中华人民共和国首都是北京。']);
  });

  it('reads titles, parts, history and version dates', () => {
    expect(law('xianfa.md').title).toBe('中华人民共和国宪法');
    expect(law('xinfang-gongzuo-tiaoli.md').shortTitle).toBe('信访工作条例');
    expect(files.filter((f) => f.law.shortTitle === '民法典').map((f) => f.law.part)).toEqual([
      '总则',
      '物权编',
      '合同编',
      '人格权编',
      '婚姻家庭编',
      '继承编',
      '侵权责任编',
      '附则',
    ]);
    expect(law('minfadian-5-hunyin-jiating.md').versionDate).toBe('2020-05-28');
    expect(law('minfadian-2-wuquan.md').versionDate).toBe('2021-01-01');
    expect(law('zhian-guanli-chufa-fa.md').versionDate).toBe('2025-06-27');
    expect(law('zhian-guanli-chufa-fa.md').history).toHaveLength(3);
    expect(law('xianfa.md').versionDate).toBe('2018-03-11');
    expect(law('xinfang-gongzuo-tiaoli.md').history).toHaveLength(2);
    expect(law('tudi-guanli-fa.md').history).toHaveLength(5);
    expect(law('tudi-guanli-fa.md').history[4]).toMatch(/〈中华人民共和国城市房地产管理法〉的决定》第三次修正$/);
    expect(law('weichengnianren-baohu-fa.md').history.every((h) => !h.endsWith('\u3000'))).toBe(true);
    expect(law('anquan-shengchan-fa.md').history[0]).toMatch(/^2002年6月29日 第九届/);
  });

  it('has no stray markup or invisible characters in article text', () => {
    for (const { fileName, law: parsed } of files) {
      for (const a of parsed.articles) {
        for (const p of a.paragraphs) expect(p, `${fileName} ${a.label}`).not.toMatch(/^\s|\s$|\*\*|<!--|[\u200b\ufeff]/);
      }
    }
    // 行政复议法: a U+200B line sits right before 第一条
    expect(article('xingzheng-fuyi-fa.md', 1)?.paragraphs[0]).toMatch(/^为了防止和纠正违法的或者不当的行政行为/);
  });
});
