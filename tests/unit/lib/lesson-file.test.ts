import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, parseCitation, parseLessonFile } from '@/lib/content/lesson-file';
import { parseMarkdown } from '@/lib/markdown';

const file = (front: string[], body = '## 正文\n\n内容。') => ['---', ...front, '---', body].join('\n');
const good = ['slug: test-lesson', 'title: 测试课', 'title_en: Test lesson', 'minutes: 5', 'cites: 民法典:1042, 刑法:266'];

describe('parseLessonFile', () => {
  it('reads the front matter and the body', () => {
    expect(parseLessonFile(file(good), 'x.md')).toEqual({
      slug: 'test-lesson',
      title: '测试课',
      titleEn: 'Test lesson',
      minutes: 5,
      cites: [
        { law: '民法典', article: 1042 },
        { law: '刑法', article: 266 },
      ],
      body: '## 正文\n\n内容。',
    });
  });

  it.each([
    {
      name: 'no English title falls back to the Chinese one',
      front: good.filter((l) => !l.startsWith('title_en')),
      check: { titleEn: '测试课' },
    },
    { name: 'no cites gives an empty list', front: good.filter((l) => !l.startsWith('cites')), check: { cites: [] } },
    {
      name: 'full-width colon and comma in cites',
      front: [...good.slice(0, 4), 'cites: 民法典：1041，刑法 : 266'],
      check: {
        cites: [
          { law: '民法典', article: 1041 },
          { law: '刑法', article: 266 },
        ],
      },
    },
    {
      name: 'a colon inside a value',
      front: [...good.slice(0, 1), 'title: 反诈：不转账', ...good.slice(2)],
      check: { title: '反诈：不转账' },
    },
  ])('$name', ({ front, check }) => {
    expect(parseLessonFile(file(front), 'x.md')).toMatchObject(check);
  });

  it('reads a file saved with a byte-order mark and Windows line endings', () => {
    const text = `\uFEFF${file(good)}`.replace(/\n/g, '\r\n');
    expect(parseLessonFile(text, 'x.md')).toMatchObject({ slug: 'test-lesson', body: '## 正文\r\n\r\n内容。'.replace(/\r/g, '') });
  });

  it.each([
    { name: 'missing front matter', text: '## 只有正文', message: 'x.md: missing front matter between --- lines' },
    { name: 'unclosed front matter', text: '---\nslug: a\n## 正文', message: 'missing front matter' },
    { name: 'a front-matter line without a colon', text: file([...good, 'draft']), message: 'front-matter line "draft" is not key: value' },
    { name: 'no slug', text: file(good.filter((l) => !l.startsWith('slug'))), message: 'front matter needs "slug"' },
    { name: 'no title', text: file(good.filter((l) => !l.startsWith('title:'))), message: 'front matter needs "title"' },
    {
      name: 'a slug with upper case and underscores',
      text: file(['slug: Bad_Slug', ...good.slice(1)]),
      message: 'slug must be lowercase ASCII',
    },
    { name: 'a slug in Chinese', text: file(['slug: 婚姻', ...good.slice(1)]), message: 'slug must be lowercase ASCII' },
    { name: 'zero minutes', text: file([...good.slice(0, 3), 'minutes: 0', good[4]!]), message: 'minutes must be a whole number' },
    { name: 'fractional minutes', text: file([...good.slice(0, 3), 'minutes: 2.5', good[4]!]), message: 'minutes must be a whole number' },
    { name: 'more than an hour', text: file([...good.slice(0, 3), 'minutes: 61', good[4]!]), message: 'minutes must be a whole number' },
    {
      name: 'a citation without an article number',
      text: file([...good.slice(0, 4), 'cites: 民法典1042']),
      message: 'bad citation "民法典1042"',
    },
    {
      name: 'a citation with a Chinese numeral',
      text: file([...good.slice(0, 4), 'cites: 民法典:第一千零四十二条']),
      message: 'bad citation',
    },
  ])('rejects $name', ({ text, message }) => {
    expect(() => parseLessonFile(text, 'x.md')).toThrow(ContentError);
    expect(() => parseLessonFile(text, 'x.md')).toThrow(message);
  });
});

describe('parseCitation', () => {
  it.each([
    { text: '民法典:1042', expected: { law: '民法典', article: 1042 } },
    { text: ' 反电信网络诈骗法 ： 2 ', expected: { law: '反电信网络诈骗法', article: 2 } },
  ])('reads "$text"', ({ text, expected }) => {
    expect(parseCitation(text)).toEqual(expected);
  });
});

describe('the shipped lessons', () => {
  const modulesDir = path.resolve(process.cwd(), 'content/modules');

  it('parses a real lesson with its citations and a body that renders', () => {
    const name = '02-hunyin-jiating/01-hunyin-jiating-marriage-freedom.md';
    const lesson = parseLessonFile(readFileSync(path.join(modulesDir, name), 'utf8'), name);
    expect(lesson).toMatchObject({ slug: 'hunyin-jiating-marriage-freedom', title: '婚姻自由与高额彩礼', minutes: 5 });
    expect(lesson.cites).toEqual([
      { law: '民法典', article: 1041 },
      { law: '民法典', article: 1042 },
    ]);
    const blocks = parseMarkdown(lesson.body);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, text: [{ text: '村里遇到的事' }] });
    expect(blocks.some((b) => b.kind === 'quote')).toBe(true);
  });

  it('all parse, with unique slugs and at least one citation each', () => {
    const files = readdirSync(modulesDir).flatMap((dir) =>
      readdirSync(path.join(modulesDir, dir))
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(0);
    const lessons = files.map((f) => parseLessonFile(readFileSync(path.join(modulesDir, f), 'utf8'), f));
    expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
    expect(lessons.filter((l) => l.cites.length === 0).map((l) => l.slug)).toEqual([]);
  });
});
