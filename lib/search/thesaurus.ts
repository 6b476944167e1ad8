/**
 * The reviewed thesaurus (content/thesaurus.tsv): what villagers say → the statute's wording. A query containing
 * a colloquial word also searches the statute phrases, so 彩礼 finds 《民法典》第一千零四十二条 (借婚姻索取财物) although
 * the statute never says 彩礼. The server loads the file with the content; phones get it by the sync pull.
 */
import { normalizeText } from './tokenize';

export interface ThesaurusEntry {
  /** what people say: 彩礼 */
  word: string;
  /** the statute's wording, each phrase found verbatim in some article: 借婚姻索取财物 */
  phrases: string[];
  /** the module theme it belongs to: 婚姻家庭 */
  theme: string;
}

export class ThesaurusFormatError extends Error {}

/** Parses the TSV: `说法<TAB>法条用语|法条用语<TAB>主题`, `#` comments and blank lines ignored. */
export function parseThesaurus(tsv: string): ThesaurusEntry[] {
  const entries: ThesaurusEntry[] = [];
  const seen = new Set<string>();
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    const [word, phrases, theme] = cells;
    if (cells.length !== 3 || !word || !phrases || !theme) {
      throw new ThesaurusFormatError(`thesaurus line ${i + 1}: expected 说法<TAB>法条用语<TAB>主题, got ${JSON.stringify(line)}`);
    }
    const key = normalizeText(word);
    if (seen.has(key)) throw new ThesaurusFormatError(`thesaurus line ${i + 1}: ${word} is listed twice`);
    seen.add(key);
    const list = phrases.split('|').map((p) => normalizeText(p.trim()));
    if (list.some((p) => !p)) throw new ThesaurusFormatError(`thesaurus line ${i + 1}: empty statute phrase`);
    entries.push({ word: key, phrases: list, theme });
  });
  return entries;
}

/**
 * The entries whose word occurs in `query`, longest first; a word lying inside a longer matched word is skipped
 * (狗咬人 rather than 狗咬 and 狗).
 */
export function matchThesaurus(entries: readonly ThesaurusEntry[], query: string): ThesaurusEntry[] {
  const covered = new Uint8Array(query.length);
  const found: ThesaurusEntry[] = [];
  const sorted = entries.every((e, k) => k === 0 || entries[k - 1]!.word.length >= e.word.length)
    ? entries
    : [...entries].sort((a, b) => b.word.length - a.word.length);
  for (const entry of sorted) {
    let at = query.indexOf(entry.word);
    while (at >= 0) {
      let inside = true;
      for (let k = at; k < at + entry.word.length; k++) if (!covered[k]) inside = false;
      if (!inside) {
        for (let k = at; k < at + entry.word.length; k++) covered[k] = 1;
        found.push(entry);
        break;
      }
      at = query.indexOf(entry.word, at + 1);
    }
  }
  return found;
}
