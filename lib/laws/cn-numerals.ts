// Chinese numerals as written in official law texts (第一千零四十二条), range 0–9999.

export const CN_NUMERAL_CHARS = '〇零一二三四五六七八九十百千';

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = '零一二三四五六七八九';

/** Parses 一千零四十二 → 1042, 十 → 10, 一百一十 → 110, also digit-by-digit 二〇二一 → 2021. Null if invalid. */
export function cnToInt(s: string): number | null {
  if (s.length === 0) return null;
  const chars = [...s];
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length > 4 || (chars.length > 1 && DIGITS[chars[0]!] === 0)) return null;
    return chars.reduce((n, c) => n * 10 + (DIGITS[c] ?? 0), 0);
  }
  let total = 0;
  let pending: number | null = null; // digit waiting for its unit
  let lastUnit = 10_000;
  let zeroSeen = false; // a 零 since the last unit
  for (const c of chars) {
    const d = DIGITS[c];
    const u = UNITS[c];
    if (d === 0) {
      if (pending !== null || total === 0 || zeroSeen) return null;
      zeroSeen = true;
    } else if (d !== undefined) {
      if (pending !== null) return null;
      pending = d;
    } else if (u !== undefined) {
      if (u >= lastUnit) return null;
      if (pending === null && !(u === 10 && total === 0)) return null; // only a leading 十 may omit 一
      if (total > 0 && lastUnit / u > 10 !== zeroSeen) return null; // 零 marks a skipped place, and only that
      total += (pending ?? 1) * u;
      pending = null;
      zeroSeen = false;
      lastUnit = u;
    } else return null;
  }
  if (pending !== null) {
    // trailing ones: alone, after 十, or after 零 (一百零五); 一百五 is colloquial for 150 and rejected
    if (lastUnit !== 10_000 && (lastUnit === 10) === zeroSeen) return null;
    total += pending;
  } else if (zeroSeen) return null;
  return total;
}

/** 1042 → 一千零四十二, 10 → 十, 110 → 一百一十, 0 → 零. */
export function intToCn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`intToCn: ${n} is not an integer in 0–9999`);
  if (n === 0) return '零';
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let zeroGap = false;
  for (const [value, unit] of places) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      if (out) zeroGap = true;
      continue;
    }
    if (zeroGap) out += '零';
    zeroGap = false;
    out += (digit === 1 && value === 10 && !out ? '' : DIGIT_CHARS[digit]) + unit;
  }
  return out;
}

/** Article label exactly as official texts write it: 1042 → 第一千零四十二条; (133, 1) → 第一百三十三条之一. */
export function articleLabel(n: number, sub = 0): string {
  return `第${intToCn(n)}条${sub > 0 ? `之${intToCn(sub)}` : ''}`;
}
