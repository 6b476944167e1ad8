import { articleLabel } from '@/lib/laws/cn-numerals';

/** A small law in the LawRefBook Markdown layout, for import tests: `articles` texts become 第一条, 第二条, … */
export function tinyLaw(opts: { title: string; date: string; articles: string[]; chapter?: string }): string {
  const [y, m, d] = opts.date.split('-').map(Number);
  const body = opts.articles.map((text, k) => `${articleLabel(k + 1)} ${text}`).join('\n\n');
  return `# ${opts.title}\n\n${y}年${m}月${d}日 测试会议通过\n\n<!-- INFO END -->\n\n## 第一章 ${opts.chapter ?? '总则'}\n\n${body}\n`;
}
