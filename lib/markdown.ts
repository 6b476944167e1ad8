/**
 * A small Markdown reader for lesson text: headings, paragraphs, lists, block quotes, bold and italics.
 * It produces plain data that React renders as elements, so no HTML from content ever reaches the page.
 */
export type Inline = { text: string; bold?: boolean; italic?: boolean };
export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; paragraphs: Inline[][] };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true });
    else out.push({ text: m[2]!, italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim() || /^<!--.*-->$/.test(line.trim())) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(4, Math.max(2, heading[1]!.length)) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, text: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      const paragraphs: string[][] = [[]];
      while (i < lines.length && lines[i]!.startsWith('>')) {
        const content = lines[i]!.replace(/^>\s?/, '');
        if (!content.trim()) paragraphs.push([]);
        else paragraphs[paragraphs.length - 1]!.push(content.trim());
        i++;
      }
      blocks.push({ kind: 'quote', paragraphs: paragraphs.filter((p) => p.length).map((p) => parseInline(p.join(''))) });
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
    if (item.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: Inline[][] = [];
      while (i < lines.length && item.test(lines[i]!)) {
        items.push(parseInline(item.exec(lines[i]!)![2]!.trim()));
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^(#{1,4}\s|>|\s*([-*+]|\d+[.)])\s)/.test(lines[i]!)) {
      para.push(lines[i]!.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', text: parseInline(para.join('')) });
  }
  return blocks;
}

/** The lesson as plain sentences, for reading aloud. */
export function plainText(blocks: Block[]): string[] {
  const text = (parts: Inline[]) => parts.map((p) => p.text).join('');
  return blocks.flatMap((b) => {
    if (b.kind === 'heading' || b.kind === 'paragraph') return [text(b.text)];
    if (b.kind === 'list') return b.items.map(text);
    return b.paragraphs.map(text);
  });
}
