import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * JSON.parse keeps the last of two equal keys in one object without a word, so a second `deleteConfirm` or a second
 * `report` block silently replaces the first (both have happened in merges). The catalogues are read as text here,
 * with every key of every object recorded, and both languages must hold the same keys.
 */
const CATALOGUES = ['locales/zh-CN.json', 'locales/en.json'];

function keysOf(file: string): { duplicates: string[]; keys: Set<string> } {
  const duplicates: string[] = [];
  const keys = new Set<string>();
  const walk = (value: unknown, at: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return void keys.add(at);
    for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  const text = readFileSync(path.join(process.cwd(), file), 'utf8');
  // Every string is consumed whole (values hold braces like "{module}"); a string followed by a colon is a key.
  const token = /"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]/g;
  const stack: Set<string>[] = [];
  const at: string[] = [];
  let lastKey = '';
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[0] === '{') {
      if (stack.length > 0) at.push(lastKey);
      stack.push(new Set());
    } else if (m[0] === '}') {
      stack.pop();
      at.pop();
    } else if (m[2]) {
      const here = stack[stack.length - 1]!;
      if (here.has(m[1]!)) duplicates.push([...at, m[1]].join('.'));
      here.add(m[1]!);
      lastKey = m[1]!;
    }
  }
  walk(JSON.parse(text), '');
  return { duplicates, keys };
}

describe('message catalogues', () => {
  const read = CATALOGUES.map((file) => ({ file, ...keysOf(file) }));

  it.each(read)('$file names each key once in every object', ({ duplicates }) => {
    expect(duplicates).toEqual([]);
  });

  it('holds the same keys in Chinese and English', () => {
    const [zh, en] = read;
    expect([...zh!.keys].filter((k) => !en!.keys.has(k))).toEqual([]);
    expect([...en!.keys].filter((k) => !zh!.keys.has(k))).toEqual([]);
  });
});
