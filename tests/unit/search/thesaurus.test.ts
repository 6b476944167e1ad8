import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readShippedContent, readShippedThesaurus } from '@/server/content';
import { matchThesaurus, parseThesaurus, ThesaurusFormatError } from '@/lib/search/thesaurus';
import { LAWS_MISSING_MESSAGE, lawsAvailable, loadOfficialLaws } from '../laws/official-laws';

describe('parseThesaurus', () => {
  it('reads 说法<TAB>法条用语|法条用语<TAB>主题 lines, skipping comments and blank lines', () => {
    expect(parseThesaurus('# 注释\n\n彩礼\t借婚姻索取财物\t婚姻家庭\r\n低保\t最低生活保障|低保\t社会救助\n')).toEqual([
      { word: '彩礼', phrases: ['借婚姻索取财物'], theme: '婚姻家庭' },
      { word: '低保', phrases: ['最低生活保障', '低保'], theme: '社会救助' },
    ]);
  });

  it('rejects a line without three cells, an empty phrase and a word listed twice, naming the line', () => {
    expect(() => parseThesaurus('彩礼 借婚姻索取财物 婚姻家庭')).toThrow(/line 1/);
    expect(() => parseThesaurus('彩礼\t借婚姻索取财物|\t婚姻家庭')).toThrow(ThesaurusFormatError);
    expect(() => parseThesaurus('彩礼\ta\tb\n\n彩礼\tc\td')).toThrow(/line 3: 彩礼 is listed twice/);
  });
});

describe('matchThesaurus', () => {
  const entries = parseThesaurus('狗\t动物\t侵权\n狗咬\t饲养的动物\t侵权\n狗咬人\t动物饲养人\t侵权\n咬人\t伤害\t侵权\n');
  it('takes the longest word and skips the words inside it', () => {
    expect(matchThesaurus(entries, '狗咬人了谁赔').map((e) => e.word)).toEqual(['狗咬人']);
    expect(matchThesaurus(entries, '狗咬了邻居').map((e) => e.word)).toEqual(['狗咬']);
    expect(matchThesaurus(entries, '家里的狗').map((e) => e.word)).toEqual(['狗']);
  });
});

describe('the shipped thesaurus (content/thesaurus.tsv)', () => {
  const thesaurus = readShippedThesaurus(path.resolve('content'));
  const THEMES = ['宪法', '婚姻家庭', '合同借贷', '物权宅基地土地承包', '侵权', '行政处罚', '反诈', '禁毒', '扫黑', '调解信访'];
  const NEW_TOPICS = ['草原安全生产', '劳动报酬工伤', '赡养继承', '道路交通', '法律援助', '社会救助'];

  it('has at least 200 entries over every module theme and the new topics', () => {
    expect(thesaurus.length).toBeGreaterThanOrEqual(200);
    const themes = new Set(thesaurus.map((t) => t.theme));
    for (const theme of [...THEMES, ...NEW_TOPICS]) expect(themes, theme).toContain(theme);
    const perTheme = [...THEMES, ...NEW_TOPICS].map((theme) => thesaurus.filter((t) => t.theme === theme).length);
    expect(Math.min(...perTheme)).toBeGreaterThanOrEqual(8);
  });

  it('uses only themes of the shipped modules or the new topics', () => {
    const moduleThemes = readShippedContent(path.resolve('content')).map((m) => m.module.theme);
    const allowed = new Set([...moduleThemes, ...THEMES, ...NEW_TOPICS]);
    expect(thesaurus.filter((t) => !allowed.has(t.theme)).map((t) => `${t.word}: ${t.theme}`)).toEqual([]);
  });

  it.skipIf(!lawsAvailable())('gives statute wording that occurs verbatim in the official texts', () => {
    if (!lawsAvailable()) console.warn(LAWS_MISSING_MESSAGE);
    const corpus = loadOfficialLaws()
      .flatMap((law) => law.articles.map((a) => a.paragraphs.join('')))
      .join('\n')
      .normalize('NFKC');
    const missing = thesaurus.flatMap((t) => t.phrases.filter((p) => !corpus.includes(p)).map((p) => `${t.word} → ${p}`));
    expect(missing).toEqual([]);
  });
});
