import { normalizeText } from './tokenize';

/** About `width` characters of `text` around the first occurrence of the query, else of its first-occurring term. */
export function snippet(text: string, query: string, terms: string[], width = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  const norm = normalizeText(flat);
  let at = query ? norm.indexOf(query) : -1;
  let len = query.length;
  if (at < 0) {
    for (const t of terms) {
      const k = norm.indexOf(t);
      if (k >= 0 && (at < 0 || k < at)) [at, len] = [k, t.length];
    }
  }
  if (at < 0) [at, len] = [0, 0];
  const start = Math.max(0, Math.min(at - Math.floor((width - len) / 3), flat.length - width));
  const end = Math.min(flat.length, start + width);
  return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}
