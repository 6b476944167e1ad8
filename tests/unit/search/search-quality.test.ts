// Everyday queries over the real law texts: an article a lawyer would cite should be in the top 3.
import { beforeAll, describe, expect, it } from 'vitest';
import queries from '../../fixtures/search-queries.json' with { type: 'json' };
import { buildLawIndex, lawDocs, searchLaws, type LawIndex } from '../../../lib/search/law-index';
import { LAWS_MISSING_MESSAGE, lawsAvailable, loadOfficialLaws } from '../laws/official-laws';

const available = lawsAvailable();
if (!available) console.warn(LAWS_MISSING_MESSAGE);

describe.skipIf(!available)('law search over ../shared/laws', () => {
  let index: LawIndex;
  let ids: Set<string>;
  beforeAll(() => {
    const docs = loadOfficialLaws().flatMap(lawDocs);
    ids = new Set(docs.map((d) => d.id));
    index = buildLawIndex(docs);
  });

  it('has 20 labelled queries whose expected articles exist', () => {
    expect(queries).toHaveLength(20);
    expect(queries.flatMap((x) => x.expect).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('ranks an expected article in the top 3 for at least 18 of 20 queries', () => {
    const misses = queries
      .map(({ q, expect: wanted }) => ({ q, top: searchLaws(index, q, { limit: 3 }).map((h) => h.id), wanted }))
      .filter(({ top, wanted }) => !top.some((id) => wanted.includes(id)));
    const report = misses.map((m) => `${m.q}: top 3 = ${m.top.join(', ') || '(none)'}`).join('\n');
    expect(misses.length, `missed:\n${report}`).toBeLessThanOrEqual(2);
  });

  it('finds the article for a quoted phrase first', () => {
    expect(searchLaws(index, '禁止借婚姻索取财物', { limit: 1 })[0]?.id).toBe('民法典:1042');
    expect(searchLaws(index, '中华人民共和国首都是北京', { limit: 1 })[0]?.id).toBe('宪法:143');
    expect(searchLaws(index, '民法典第1077条', { limit: 1 })[0]?.id).toBe('民法典:1077');
  });
});
