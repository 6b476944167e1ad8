import { describe, expect, it } from 'vitest';
import { parseCitation } from '@/lib/content/lesson-file';
import { articleKey, parseArticleAddress, parseArticleKey } from '@/lib/laws/article-ref';
import { articleLabel } from '@/lib/laws/cn-numerals';
import { citationHref } from '@/lib/laws/links';
import { parseBasis } from '@/lib/quiz/types';

/** Articles are addressed as 1042 or, for 刑法's inserted articles, 133-1 (第一百三十三条之一). */
describe('article addresses', () => {
  it.each([
    ['1042', { number: 1042, sub: 0 }],
    ['133-1', { number: 133, sub: 1 }],
    [' 120-6 ', { number: 120, sub: 6 }],
    ['0', null],
    ['133-', null],
    ['一百', null],
    ['133.1', null],
  ])('reads %j', (text, expected) => {
    expect(parseArticleKey(text)).toEqual(expected);
  });

  it('writes the key and the label of an inserted article', () => {
    expect(articleKey(1042)).toBe('1042');
    expect(articleKey(133, 1)).toBe('133-1');
    expect(articleLabel(133, 1)).toBe('第一百三十三条之一');
    expect(articleLabel(1042)).toBe('第一千零四十二条');
  });

  it('parses cites, basis, links and page addresses with 之Y', () => {
    expect(parseCitation('刑法:133-1')).toEqual({ law: '刑法', article: 133, sub: 1 });
    expect(parseCitation('民法典：1042')).toEqual({ law: '民法典', article: 1042 });
    expect(() => parseCitation('刑法:133之一')).toThrow(/expected 短名:条号/);
    expect(parseBasis('刑法:133-1')).toEqual({ law: '刑法', article: 133, sub: 1 });
    expect(citationHref('刑法:133-1')).toBe(`/laws/article?law=${encodeURIComponent('刑法')}&n=133-1`);
    expect(citationHref('民法典:1042')).toBe(`/laws/article?law=${encodeURIComponent('民法典')}&n=1042`);
    expect(parseArticleAddress(' 刑法 ', '133-1')).toEqual({ law: '刑法', n: { number: 133, sub: 1 } });
    expect(parseArticleAddress('刑法', 'x')).toBeNull();
    expect(parseArticleAddress('刑法', '10000')).toBeNull();
    expect(parseArticleAddress('  ', '1')).toBeNull();
    expect(parseArticleAddress('法'.repeat(61), '1')).toBeNull();
  });
});
