import { describe, expect, it } from 'vitest';
import { format } from '@/lib/i18n/client';
import en from '@/locales/en.json';
import zh from '@/locales/zh-CN.json';

describe('client message format', () => {
  it.each([
    ['{count} 项待同步', { count: 3 }, 'zh', '3 项待同步'],
    ['Hello, {name}', { name: '王建国' }, 'en', 'Hello, 王建国'],
    ['{count, plural, one {# article} other {# articles}}', { count: 1 }, 'en', '1 article'],
    ['{count, plural, one {# article} other {# articles}}', { count: 4 }, 'en', '4 articles'],
    ['{count, plural, =0 {none} other {# found}}', { count: 0 }, 'en', 'none'],
    ['共 {count, plural, other {# 条}}，{name}', { count: 2, name: '宪法' }, 'zh', '共 2 条，宪法'],
    ['{missing} stays', {}, 'en', '{missing} stays'],
  ])('formats %s with %o', (template, values, locale, expected) => {
    expect(format(template, values, locale)).toBe(expected);
  });

  it('understands every message in both catalogues (no ICU form it cannot format)', () => {
    const walk = (node: unknown, path: string[] = []): [string, string][] =>
      typeof node === 'string' ? [[path.join('.'), node]] : Object.entries(node as object).flatMap(([k, v]) => walk(v, [...path, k]));
    for (const [key, message] of [...walk(zh), ...walk(en)]) {
      const out = format(message, new Proxy({}, { get: () => 2, has: () => true }) as Record<string, number>, 'en');
      expect(out, key).not.toMatch(/\{\w+,/);
    }
  });
});
