import { describe, expect, it } from 'vitest';
import { LawParseError, parseLawText, type ParsedLaw } from '../../../lib/laws/parse';

const parse = (text: string, fileName = 'test.md'): ParsedLaw => parseLawText(text, { fileName });

/** The LawParseError thrown for `text`, to check its line and message. */
function parseError(text: string): LawParseError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof LawParseError) return e;
    throw e;
  }
  throw new Error('expected a LawParseError');
}

describe('parseLawText: LawRefBook Markdown', () => {
  const text = [
    '# 中华人民共和国测试法',
    '',
    '2002年6月29日  第九届全国人民代表大会常务委员会第二十八次会议通过',
    '',
    '2009年8月27日第十一届全国人民代表大会常务委员会第十次会议修正\u3000',
    '',
    '2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议《关于修改',
    '',
    '〈中华人民共和国测试法〉的决定》第三次修正',
    '',
    '<!-- INFO END -->',
    '',
    '\u200b',
    '## 第一章 总 则',
    '',
    '第一条 为了测试，制定本法。',
    '',
    '第二条 第一款。',
    '',
    '（一）第一项；',
    '',
    '（二）第二项。',
    '',
    '## 第二章  分\u2002则',
    '',
    '### 第一节 \u2002一般规定',
    '',
    '第三条 本法自公布之日起施行。',
  ].join('\n'); // no trailing newline, like the LawRefBook files

  const law = parse(text);

  it('reads title, history and the latest date', () => {
    expect(law.title).toBe('中华人民共和国测试法');
    expect(law.shortTitle).toBe('测试法');
    expect(law.part).toBeUndefined();
    expect(law.history).toEqual([
      '2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过',
      '2009年8月27日第十一届全国人民代表大会常务委员会第十次会议修正',
      '2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国测试法〉的决定》第三次修正',
    ]);
    expect(law.versionDate).toBe('2021-06-10');
  });

  it('recognises headings by keyword and removes spaces inside names', () => {
    expect(law.headings.map((h) => [h.level, h.label, h.name, h.display])).toEqual([
      ['章', '第一章', '总则', '第一章 总则'],
      ['章', '第二章', '分则', '第二章 分则'],
      ['节', '第一节', '一般规定', '第一节 一般规定'],
    ]);
    expect(law.headings[2]?.path).toEqual(['第二章 分则', '第一节 一般规定']);
  });

  it('collects articles with their paragraphs and heading path', () => {
    expect(law.articles).toEqual([
      { number: 1, sub: 0, label: '第一条', headingPath: ['第一章 总则'], paragraphs: ['为了测试，制定本法。'], line: 16 },
      {
        number: 2,
        sub: 0,
        label: '第二条',
        headingPath: ['第一章 总则'],
        paragraphs: ['第一款。', '（一）第一项；', '（二）第二项。'],
        line: 18,
      },
      {
        number: 3,
        sub: 0,
        label: '第三条',
        headingPath: ['第二章 分则', '第一节 一般规定'],
        paragraphs: ['本法自公布之日起施行。'],
        line: 28,
      },
    ]);
  });

  it('gives the same result with CRLF line ends and a trailing newline', () => {
    expect(parse(text.replace(/\n/g, '\r\n') + '\r\n')).toEqual(law);
  });
});

describe('parseLawText: inserted articles, footnotes and appendices (刑法)', () => {
  const law = parse(
    [
      '# 中华人民共和国某法',
      '',
      '<!-- INFO END -->',
      '',
      '第一条 甲。',
      '',
      '第一条之一 乙。',
      '',
      '第一条之二 丙。',
      '',
      '第二条 丁。',
      '',
      '## 附则',
      '',
      '第三条 本法自公布之日起施行。',
      '',
      '① 编者注：施行日期见各修正案。',
      '',
      '## 附件一',
      '',
      '1．某条例',
    ].join('\n'),
  );

  it('keeps 第X条之Y as articles of their own, in order, with sub', () => {
    expect(law.articles.map((a) => [a.number, a.sub, a.label])).toEqual([
      [1, 0, '第一条'],
      [1, 1, '第一条之一'],
      [1, 2, '第一条之二'],
      [2, 0, '第二条'],
      [3, 0, '第三条'],
    ]);
  });

  it('drops the footnote and stops at the first 附件', () => {
    expect(law.articles.at(-1)?.paragraphs).toEqual(['本法自公布之日起施行。']);
    expect(law.headings.map((h) => h.display)).toEqual(['附则']);
  });
});

describe('parseLawText: other quirks', () => {
  it('reads just-laws files: YAML front matter, no INFO END, bold numbers, U+3000', () => {
    const law = parse(
      [
        '---',
        'sidebar: auto',
        '---',
        '',
        '# 中华人民共和国治安管理处罚法',
        '',
        '2005年8月28日第十届全国人民代表大会常务委员会第十七次会议通过',
        '',
        '根据2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议修正',
        '',
        '## 第一章\u3000总则',
        '',
        '**第一条**\u3000为了维护社会治安秩序，制定本法。',
        '',
        '**第二条**\u3000第二条正文。',
        '',
      ].join('\n'),
    );
    expect(law.history).toHaveLength(2);
    expect(law.versionDate).toBe('2012-10-26');
    expect(law.headings[0]?.display).toBe('第一章 总则');
    expect(law.articles.map((a) => [a.label, a.paragraphs[0], a.line])).toEqual([
      ['第一条', '为了维护社会治安秩序，制定本法。', 13],
      ['第二条', '第二条正文。', 15],
    ]);
  });

  it('reads a 民法典 part: second title becomes part and 编 heading; empty ## is ignored', () => {
    const law = parse(
      [
        '# 中华人民共和国民法典',
        '',
        '# 物权编',
        '',
        '2020年5月28日 第十三届全国人民代表大会第三次会议通过',
        '',
        '<!-- INFO END -->',
        '',
        '##',
        '',
        '## 第一分编\u2002\u2002通则',
        '',
        '### 第二章\u2002\u2002物权的设立、变更、转让和消灭',
        '',
        '#### 第一节\u2002\u2002不动产登记',
        '',
        '第二百零九条 不动产物权的设立……',
      ].join('\n'),
    );
    expect(law.part).toBe('物权编');
    expect(law.articles[0]?.number).toBe(209);
    expect(law.articles[0]?.headingPath).toEqual([
      '第二编 物权',
      '第一分编 通则',
      '第二章 物权的设立、变更、转让和消灭',
      '第一节 不动产登记',
    ]);
  });

  it('keeps a preamble and ignores FORCE BREAK comments and zero-width characters', () => {
    const law = parse(
      [
        '\ufeff# 中华人民共和国宪法',
        '',
        '1982年12月4日 第五届全国人民代表大会第五次会议通过',
        '',
        '<!-- INFO END -->',
        '',
        '## 序言',
        '',
        '序言第一段。',
        '',
        '<!-- FORCE BREAK -->',
        '',
        '序言\u200b第二段。',
        '',
        '## 第一章 总纲',
        '',
        '第一条 第一条正文。',
      ].join('\n'),
    );
    expect(law.preamble).toEqual(['序言第一段。', '序言第二段。']);
    expect(law.articles).toHaveLength(1);
  });

  it('reads plain text in the national database layout (no #, parenthesised history, table of contents)', () => {
    const law = parse(
      [
        '中华人民共和国测试法',
        '',
        '（1996年3月17日第八届全国人民代表大会第四次会议通过\u3000根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议修正\u30002021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）',
        '',
        '目\u3000\u3000录',
        '第一章\u3000总\u3000\u3000则',
        '第二章\u3000附\u3000\u3000则',
        '',
        '第一章\u3000总\u3000\u3000则',
        '第一条\u3000为了测试，制定本法。',
        '第二条\u3000第一款。',
        '第二款。',
        '第二章\u3000附\u3000\u3000则',
        '第三条\u3000本法自2021年7月15日起施行。',
      ].join('\n'),
      'test.txt',
    );
    expect(law.title).toBe('中华人民共和国测试法');
    expect(law.history).toHaveLength(3);
    expect(law.history[1]).toMatch(/^根据2009年8月27日/);
    expect(law.versionDate).toBe('2021-01-22');
    expect(law.headings.map((h) => h.display)).toEqual(['第一章 总则', '第二章 附则']);
    expect(law.articles.map((a) => [a.number, a.headingPath, a.paragraphs.length])).toEqual([
      [1, ['第一章 总则'], 1],
      [2, ['第一章 总则'], 2],
      [3, ['第二章 附则'], 1],
    ]);
  });

  it('does not take a sentence starting with 第X章 for a heading in plain text', () => {
    const law = parse(['某某条例', '第一条 正文。', '第二章规定的事项，由县级人民政府负责。'].join('\n'));
    expect(law.headings).toEqual([]);
    expect(law.articles[0]?.paragraphs).toHaveLength(2);
  });

  it('numbers articles from wherever the file starts', () => {
    const law = parse(['# 某法', '第二百零五条 甲。', '第二百零六条 乙。'].join('\n'));
    expect(law.articles.map((a) => a.number)).toEqual([205, 206]);
    expect(law.versionDate).toBeNull();
  });
});

describe('parseLawText: malformed input', () => {
  const head = ['# 中华人民共和国测试法', '', '<!-- INFO END -->', ''];

  it.each([
    ['no title (starts with an article)', ['第一条 正文。'], 1, /缺少法律标题.*missing law title/],
    ['no title (starts with history)', ['2020年1月1日 通过', '第一条 正文。'], 1, /missing law title/],
    ['empty file', [''], 1, /missing law title/],
    ['no articles', [...head, '## 第一章 总则'], 5, /没有找到任何条文.*no articles/],
    ['duplicate number', [...head, '第一条 甲。', '第二条 乙。', '第二条 丙。'], 7, /条号重复.*duplicate/],
    ['number going backwards', [...head, '第一条 甲。', '第二条 乙。', '第一条 丙。'], 7, /条号倒退.*backwards/],
    ['gap in numbers', [...head, '第一条 甲。', '第三条 乙。'], 6, /条号不连续.*gap/],
    ['text before the first article', [...head, '## 第一章 总则', '', '这是一段说明。', '第一条 甲。'], 7, /neither preamble nor heading/],
    ['unknown heading', [...head, '第一条 甲。', '## 其他规定'], 6, /unrecognised heading/],
    ['article without text', [...head, '第一条', '第二条 乙。'], 5, /has no text/],
    ['第X条之二 without 之一', [...head, '第一条 甲。', '第一条之二 乙。'], 6, /条号不连续.*gap/],
    ['第X条之一 of another article', [...head, '第一条 甲。', '第二条 乙。', '第一条之一 丙。'], 7, /条号倒退.*backwards/],
    ['第X条之一 first', [...head, '第一条之一 甲。'], 5, /does not follow its base article/],
    ['unterminated front matter', ['---', 'sidebar: auto', '# 某法'], 1, /front matter/],
  ])('%s', (_name, lines, line, message) => {
    const error = parseError(lines.join('\n'));
    expect(error.fileName).toBe('test.md');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^test\.md:\d+: /);
  });
});
