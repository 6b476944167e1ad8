import { describe, expect, it, vi } from 'vitest';
import type { LawArticleDoc } from '@/lib/search/law-index';
import { prepareLawSearch, searchLawArticles } from '@/lib/search/search-client';
import { parseThesaurus } from '@/lib/search/thesaurus';

const articles: LawArticleDoc[] = [
  { id: '民法典:1042', law: '民法典', number: 1042, label: '第一千零四十二条', text: '禁止借婚姻索取财物。' },
  {
    id: '民法典:362',
    law: '民法典',
    number: 362,
    label: '第三百六十二条',
    text: '宅基地使用权人依法对集体所有的土地享有占有和使用的权利。',
  },
];

describe('prepareLawSearch', () => {
  it('builds the index once and keeps it; later opens load the kept index without reading the articles', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // no Web Worker under Node: main thread
    let kept: string | undefined;
    const read = vi.fn(async () => articles);
    const source = (thesaurus: string) => ({
      lawSignature: '民法典@v1',
      thesaurus: parseThesaurus(thesaurus),
      articles: read,
      stored: async () => kept,
      store: async (json: string) => void (kept = json),
    });

    expect(await prepareLawSearch(source(''))).toBe(2);
    expect(read).toHaveBeenCalledTimes(1);
    expect(kept).toContain('pufa-law-index');
    expect(await searchLawArticles('彩礼')).toEqual([]);

    // a new thesaurus arrives by sync: the kept index is loaded, the articles are not read again
    expect(await prepareLawSearch(source('彩礼\t借婚姻索取财物\t婚姻家庭\n'))).toBe(2);
    expect(read).toHaveBeenCalledTimes(1);
    expect((await searchLawArticles('彩礼能要回来吗'))[0]).toMatchObject({ id: '民法典:1042', approximate: false });
  });
});
