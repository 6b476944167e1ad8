import { describe, expect, it } from 'vitest';
import { buildLawIndex, lawDocs, loadIndex, searchLaws, serializeIndex, type LawArticleDoc } from '../../../lib/search/law-index';
import { createSearchHandler } from '../../../lib/search/search.worker';
import { parseThesaurus } from '../../../lib/search/thesaurus';

const doc = (law: string, number: number, label: string, text: string): LawArticleDoc => ({
  id: `${law}:${number}`,
  law,
  number,
  label,
  text,
});

const articles: LawArticleDoc[] = [
  doc('民法典', 362, '第三百六十二条', '宅基地使用权人依法对集体所有的土地享有占有和使用的权利，有权依法利用该土地建造住宅及其附属设施。'),
  doc('民法典', 363, '第三百六十三条', '宅基地使用权的取得、行使和转让，适用土地管理的法律和国家有关规定。'),
  doc(
    '民法典',
    1042,
    '第一千零四十二条',
    '禁止包办、买卖婚姻和其他干涉婚姻自由的行为。禁止借婚姻索取财物。\n禁止重婚。禁止有配偶者与他人同居。\n禁止家庭暴力。禁止家庭成员间的虐待和遗弃。',
  ),
  // mentions 基地 and 宅 many times, but never the phrase 宅基地
  doc('草原法', 9, '第九条', '草原属于国家所有。基地建设，基地管理，基地保护，住宅与基地，宅院，基地。'),
  doc(
    '反家庭暴力法',
    2,
    '第二条',
    '本法所称家庭暴力，是指家庭成员之间以殴打、捆绑、残害、限制人身自由以及经常性谩骂、恐吓等方式实施的身体、精神等侵害行为。',
  ),
  doc(
    '反家庭暴力法',
    3,
    '第三条',
    '家庭成员之间应当互相帮助，互相关爱，和睦相处，履行家庭义务。\n反家庭暴力是国家、社会和每个家庭的共同责任。\n国家禁止任何形式的家庭暴力。',
  ),
  doc('宪法', 5, '第五条', '中华人民共和国实行依法治国，建设社会主义法治国家。'),
  doc('民法典', 5, '第五条', '民事主体从事民事活动，应当遵循自愿原则，按照自己的意思设立、变更、终止民事法律关系。'),
];

describe('searchLaws', () => {
  const index = buildLawIndex(articles);
  const ids = (q: string, limit = 10) => searchLaws(index, q, { limit }).map((h) => h.id);

  it('puts articles containing the whole query first', () => {
    expect(ids('宅基地').slice(0, 2).sort()).toEqual(['民法典:362', '民法典:363']);
    expect(ids('宅基地')).toContain('草原法:9'); // still found through its bigram 基地, but after
  });

  it('puts an article defining the term before other articles containing it', () => {
    expect(ids('家庭暴力')[0]).toBe('反家庭暴力法:2');
  });

  it('finds articles named by law and number, in Chinese or Arabic numerals', () => {
    expect(ids('民法典第一千零四十二条')[0]).toBe('民法典:1042');
    expect(ids('《民法典》第1042条')[0]).toBe('民法典:1042');
    expect(ids('宪法第五条')[0]).toBe('宪法:5');
    expect(ids('第五条').sort()).toEqual(['宪法:5', '民法典:5']);
  });

  it('returns hit fields, scores and a snippet around the first match', () => {
    const [hit] = searchLaws(index, '借婚姻索取财物', { limit: 1 });
    expect(hit).toMatchObject({ id: '民法典:1042', law: '民法典', number: 1042, label: '第一千零四十二条' });
    expect(hit?.score).toBeGreaterThan(0);
    expect(hit?.snippet).toContain('借婚姻索取财物');
    expect(hit?.snippet.length).toBeLessThanOrEqual(62);
  });

  it('respects the limit and handles empty or unmatched queries', () => {
    expect(ids('的', 3)).toHaveLength(3);
    expect(ids('   ')).toEqual([]);
    expect(ids('量子纠缠')).toEqual([]);
  });

  it('finds the article for an everyday word the statute never uses, through the thesaurus (彩礼 → 借婚姻索取财物)', () => {
    expect(ids('彩礼', 3)).not.toContain('民法典:1042');
    const withThesaurus = buildLawIndex(articles, { thesaurus: parseThesaurus('彩礼\t借婚姻索取财物\t婚姻家庭\n') });
    expect(searchLaws(withThesaurus, '彩礼能要回来吗', { limit: 3 })[0]).toMatchObject({ id: '民法典:1042', approximate: false });
  });

  it('lets the legal words of a whole question decide, not its question words and filler', () => {
    expect(ids('我家的宅基地能不能拿来盖房子呢？', 2).sort()).toEqual(['民法典:362', '民法典:363']);
    expect(ids('家庭暴力怎么办啊', 1)).toEqual(['反家庭暴力法:2']);
  });

  it('expands an abbreviation from the law texts themselves (低保 → 最低生活保障)', () => {
    const texts = ['对最低生活保障家庭给予救助。', '最低生活保障标准由县级人民政府确定。', '申请最低生活保障，向乡镇人民政府提出。'];
    const index = buildLawIndex([...articles, ...texts.map((t, k) => doc('社会救助法', k + 1, `第${k + 1}条`, t))]);
    const hits = searchLaws(index, '低保', { limit: 3 });
    expect(hits.map((h) => h.law)).toEqual(['社会救助法', '社会救助法', '社会救助法']);
    expect(hits[0]?.approximate).toBe(false);
  });

  it('never comes back empty while an article holds every character, and says the hits are approximate', () => {
    // no two of these characters stand side by side in any article, but 草原法 第九条 holds all four
    const hits = searchLaws(index, '院宅地国', { limit: 5 });
    expect(hits.map((h) => h.id)).toContain('草原法:9');
    expect(hits.every((h) => h.approximate)).toBe(true);
    expect(searchLaws(index, '宅基地', { limit: 1 })[0]?.approximate).toBe(false);
  });

  it('gives the same results after serialize → load', () => {
    const loaded = loadIndex(serializeIndex(index));
    for (const q of ['宅基地', '家庭暴力', '民法典第1042条', '禁止']) {
      expect(searchLaws(loaded, q)).toEqual(searchLaws(index, q));
    }
    expect(() => loadIndex(JSON.stringify({ format: 'other' }))).toThrow(/unsupported/);
  });
});

describe('lawDocs', () => {
  it('makes one document per article with ids like 民法典:1042', () => {
    const docs = lawDocs({ shortTitle: '民法典', articles: [{ number: 1042, label: '第一千零四十二条', paragraphs: ['甲。', '乙。'] }] });
    expect(docs).toEqual([{ id: '民法典:1042', law: '民法典', number: 1042, label: '第一千零四十二条', text: '甲。\n乙。' }]);
  });
});

describe('search worker handler', () => {
  it('builds or loads, then answers queries with their id', () => {
    const handle = createSearchHandler();
    expect(handle({ type: 'query', id: 1, q: '宅基地' })).toMatchObject({ type: 'error', id: 1 });
    expect(handle({ type: 'build', articles })).toEqual({ type: 'ready', count: articles.length });
    const res = handle({ type: 'query', id: 2, q: '宅基地', limit: 1 });
    expect(res).toMatchObject({ type: 'results', id: 2, hits: [{ law: '民法典' }] });
    const built = handle({ type: 'build', articles, serialize: true });
    expect(built).toMatchObject({ type: 'ready', count: articles.length, json: expect.any(String) as string });
    const json = built.type === 'ready' ? built.json! : '';
    const thesaurus = parseThesaurus('彩礼\t借婚姻索取财物\t婚姻家庭\n');
    expect(handle({ type: 'load', json, thesaurus })).toEqual({ type: 'ready', count: articles.length });
    expect(handle({ type: 'query', id: 3, q: '彩礼', limit: 1 })).toMatchObject({ hits: [{ id: '民法典:1042' }] });
    expect(handle({ type: 'load', json: '{' })).toMatchObject({ type: 'error' });
  });
});

describe('searchLaws with a pasted paragraph', () => {
  it('handles queries with hundreds of distinct terms', () => {
    const index = buildLawIndex(articles);
    const long = articles.map((a) => a.text).join('');
    expect(searchLaws(index, long, { limit: 3 })).toHaveLength(3);
    expect(
      searchLaws(index, long)
        .map((h) => h.id)
        .sort(),
    ).toEqual(articles.map((a) => a.id).sort());
  });
});
