import { parseArticleKey } from '@/lib/laws/article-ref';
import type { Citation } from '@/lib/study/types';

/** Reads a lesson file of content/: a `key: value` front-matter block between `---` lines, then Markdown. */
export interface LessonFile {
  slug: string;
  title: string;
  titleEn: string;
  minutes: number;
  cites: Citation[];
  body: string;
}

export class ContentError extends Error {}

/** `民法典:1042` → {law: 民法典, article: 1042}; `刑法:133-1` (第一百三十三条之一) → {law: 刑法, article: 133, sub: 1}. */
export function parseCitation(text: string): Citation {
  const match = /^\s*([^:：\s]+)\s*[:：]\s*(\S+)\s*$/.exec(text);
  const ref = match ? parseArticleKey(match[2]!) : null;
  if (!match || !ref) throw new ContentError(`bad citation "${text}" (expected 短名:条号, e.g. 民法典:1042 or 刑法:133-1)`);
  return { law: match[1]!, article: ref.number, ...(ref.sub > 0 ? { sub: ref.sub } : {}) };
}

export function parseLessonFile(text: string, fileName: string): LessonFile {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(normalized);
  if (!match) throw new ContentError(`${fileName}: missing front matter between --- lines`);
  const fields = new Map<string, string>();
  for (const line of match[1]!.split('\n')) {
    if (!line.trim()) continue;
    const i = line.indexOf(':');
    if (i < 0) throw new ContentError(`${fileName}: front-matter line "${line}" is not key: value`);
    fields.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  const need = (key: string) => {
    const value = fields.get(key);
    if (!value) throw new ContentError(`${fileName}: front matter needs "${key}"`);
    return value;
  };
  const minutes = Number(need('minutes'));
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) throw new ContentError(`${fileName}: minutes must be a whole number of minutes`);
  const slug = need('slug');
  if (!/^[a-z0-9-]+$/.test(slug)) throw new ContentError(`${fileName}: slug must be lowercase ASCII, digits and dashes`);
  return {
    slug,
    title: need('title'),
    titleEn: fields.get('title_en') ?? need('title'),
    minutes,
    cites: (fields.get('cites') ?? '').split(/[,，]/).filter((s) => s.trim()).map(parseCitation),
    body: match[2]!.trim(),
  };
}
