// Everyday queries over the real law texts: an article a lawyer would cite should be in the top 3.
import { beforeAll, describe, expect, it } from 'vitest';
import queries from '../../fixtures/search-queries.json' with { type: 'json' };
import path from 'node:path';
import { buildLawIndex, lawDocs, searchLaws, type LawArticleDoc, type LawIndex } from '../../../lib/search/law-index';
import { readShippedThesaurus } from '../../../server/content';
import { LAWS_MISSING_MESSAGE, lawsAvailable, loadOfficialLaws } from '../laws/official-laws';

const available = lawsAvailable();
if (!available) console.warn(LAWS_MISSING_MESSAGE);

describe.skipIf(!available)('law search over ../shared/laws', () => {
  let index: LawIndex;
  let ids: Set<string>;
  let docs: LawArticleDoc[];
  beforeAll(() => {
    docs = loadOfficialLaws().flatMap(lawDocs);
    ids = new Set(docs.map((d) => d.id));
    index = buildLawIndex(docs, { thesaurus: readShippedThesaurus(path.resolve('content')) });
  });

  it('has at least 80 labelled queries over every theme, whose expected articles exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    const themes = new Set(queries.map((x) => x.theme));
    for (const theme of [
      '宪法',
      '婚姻家庭',
      '合同借贷',
      '物权宅基地土地承包',
      '侵权',
      '行政处罚',
      '反诈',
      '禁毒',
      '扫黑',
      '调解信访',
      '草原安全生产',
      '劳动报酬工伤',
      '赡养继承',
      '道路交通',
      '法律援助',
      '社会救助',
    ]) {
      expect(queries.filter((x) => x.theme === theme).length, theme).toBeGreaterThanOrEqual(3);
    }
    expect(themes.size).toBe(16);
    expect(queries.flatMap((x) => x.expect).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('never comes back empty for two or more characters that some article holds, in any order', () => {
    // characters picked apart from each other in one article, so they rarely stand side by side anywhere
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 60; k++) {
      const text = docs[Math.floor(random() * docs.length)]!.text.replace(/[^\u4e00-\u9fff]/g, '');
      if (text.length < 20) continue;
      const q = [0, 1, 2].map(() => text[Math.floor(random() * text.length)]).join('');
      const hits = searchLaws(index, q, { limit: 3 });
      expect(hits.length, q).toBeGreaterThan(0);
    }
  });

  it('ranks an expected article in the top 3 for at least 90 % of the queries', () => {
    const misses = queries
      .map(({ q, expect: wanted }) => ({ q, top: searchLaws(index, q, { limit: 3 }).map((h) => h.id), wanted }))
      .filter(({ top, wanted }) => !top.some((id) => wanted.includes(id)));
    const report = misses.map((m) => `${m.q}: top 3 = ${m.top.join(', ') || '(none)'}`).join('\n');
    expect(misses.length, `missed:\n${report}`).toBeLessThanOrEqual(Math.floor(queries.length * 0.1));
  });

  it('finds the article for a quoted phrase first', () => {
    expect(searchLaws(index, '禁止借婚姻索取财物', { limit: 1 })[0]?.id).toBe('民法典:1042');
    expect(searchLaws(index, '中华人民共和国首都是北京', { limit: 1 })[0]?.id).toBe('宪法:143');
    expect(searchLaws(index, '民法典第1077条', { limit: 1 })[0]?.id).toBe('民法典:1077');
  });
});
