import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, type Block } from '@/lib/markdown';

describe('parseInline', () => {
  it.each([
    { text: '', expected: [] },
    { text: '普通文字', expected: [{ text: '普通文字' }] },
    { text: '禁止**借婚姻索取财物**。', expected: [{ text: '禁止' }, { text: '借婚姻索取财物', bold: true }, { text: '。' }] },
    { text: '*提示*：先**报警**', expected: [{ text: '提示', italic: true }, { text: '：先' }, { text: '报警', bold: true }] },
    {
      text: '**甲****乙**',
      expected: [
        { text: '甲', bold: true },
        { text: '乙', bold: true },
      ],
    },
    { text: '**没有收尾', expected: [{ text: '**没有收尾' }] },
    { text: '单个*星号', expected: [{ text: '单个*星号' }] },
  ])('reads "$text"', ({ text, expected }) => {
    expect(parseInline(text)).toEqual(expected);
  });
});

describe('parseMarkdown', () => {
  it.each<{ name: string; source: string; expected: Block[] }>([
    {
      name: 'headings of every depth, with # and ## both becoming level 2',
      source: '# 总标题\n## 村里遇到的事\n### 法律怎么说\n#### 细节',
      expected: [
        { kind: 'heading', level: 2, text: [{ text: '总标题' }] },
        { kind: 'heading', level: 2, text: [{ text: '村里遇到的事' }] },
        { kind: 'heading', level: 3, text: [{ text: '法律怎么说' }] },
        { kind: 'heading', level: 4, text: [{ text: '细节' }] },
      ],
    },
    {
      name: 'a hash without a space as ordinary text',
      source: '#话题',
      expected: [{ kind: 'paragraph', text: [{ text: '#话题' }] }],
    },
    {
      name: 'a paragraph over several lines joined without spaces (Chinese text)',
      source: '第一行\n第二行\n\n另一段',
      expected: [
        { kind: 'paragraph', text: [{ text: '第一行第二行' }] },
        { kind: 'paragraph', text: [{ text: '另一段' }] },
      ],
    },
    {
      name: 'an unordered list with bold in an item',
      source: '- 彩礼不是**买卖**\n* 可以调解\n+ 可以起诉',
      expected: [
        {
          kind: 'list',
          ordered: false,
          items: [[{ text: '彩礼不是' }, { text: '买卖', bold: true }], [{ text: '可以调解' }], [{ text: '可以起诉' }]],
        },
      ],
    },
    {
      name: 'an ordered list with dots and brackets',
      source: '1. 先协商\n2) 再调解\n10. 最后起诉',
      expected: [{ kind: 'list', ordered: true, items: [[{ text: '先协商' }], [{ text: '再调解' }], [{ text: '最后起诉' }]] }],
    },
    {
      name: 'a paragraph that ends where a list starts',
      source: '记住三点：\n- 一\n- 二\n\n完。',
      expected: [
        { kind: 'paragraph', text: [{ text: '记住三点：' }] },
        { kind: 'list', ordered: false, items: [[{ text: '一' }], [{ text: '二' }]] },
        { kind: 'paragraph', text: [{ text: '完。' }] },
      ],
    },
    {
      name: 'a block quote with two paragraphs split by an empty > line',
      source: '> 《民法典》第一千零四十一条\n> 实行婚姻自由。\n>\n> 第二款：**一夫一妻**。',
      expected: [
        {
          kind: 'quote',
          paragraphs: [
            [{ text: '《民法典》第一千零四十一条实行婚姻自由。' }],
            [{ text: '第二款：' }, { text: '一夫一妻', bold: true }, { text: '。' }],
          ],
        },
      ],
    },
    {
      name: 'two quotes separated by a blank line as two blocks',
      source: '> 第一条\n\n> 第二条',
      expected: [
        { kind: 'quote', paragraphs: [[{ text: '第一条' }]] },
        { kind: 'quote', paragraphs: [[{ text: '第二条' }]] },
      ],
    },
    {
      name: 'HTML comments skipped and Windows line endings read',
      source: '<!-- 审核：张三 -->\r\n## 标题\r\n正文\r\n',
      expected: [
        { kind: 'heading', level: 2, text: [{ text: '标题' }] },
        { kind: 'paragraph', text: [{ text: '正文' }] },
      ],
    },
  ])('reads $name', ({ source, expected }) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  // The renderer turns every Inline into a text node, so whatever HTML a lesson contains is shown, not run.
  it.each([
    { source: '<script>alert(1)</script>', expected: [{ kind: 'paragraph', text: [{ text: '<script>alert(1)</script>' }] }] },
    {
      source: '<img src=x onerror="alert(1)"> **真的**',
      expected: [{ kind: 'paragraph', text: [{ text: '<img src=x onerror="alert(1)"> ' }, { text: '真的', bold: true }] }],
    },
    { source: '## <b>标题</b>', expected: [{ kind: 'heading', level: 2, text: [{ text: '<b>标题</b>' }] }] },
    {
      source: '> <a href="javascript:alert(1)">点我</a>',
      expected: [{ kind: 'quote', paragraphs: [[{ text: '<a href="javascript:alert(1)">点我</a>' }]] }],
    },
  ])('keeps raw HTML as plain text: $source', ({ source, expected }) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  it('gives nothing for an empty lesson', () => {
    expect(parseMarkdown('\n\n  \n')).toEqual([]);
  });
});

describe('plainText', () => {
  it('reads a lesson aloud as one sentence per heading, paragraph, item and quoted paragraph', () => {
    const blocks = parseMarkdown('## 标题\n正文**重点**\n\n- 一\n- 二\n\n> 甲\n>\n> 乙');
    expect(plainText(blocks)).toEqual(['标题', '正文重点', '一', '二', '甲', '乙']);
  });
});
