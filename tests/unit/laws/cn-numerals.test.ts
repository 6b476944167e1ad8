import { describe, expect, it } from 'vitest';
import { articleLabel, cnToInt, intToCn } from '../../../lib/laws/cn-numerals';

describe('cnToInt', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['二百零五', 205],
    ['一千', 1000],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['一千零四十二', 1042],
    ['一千一百', 1100],
    ['一千二百六十', 1260],
    ['九千九百九十九', 9999],
    ['零', 0],
    ['二〇二一', 2021],
  ])('%s → %i', (cn, n) => expect(cnToInt(cn)).toBe(n));

  it.each(['', '百', '十十', '一百五', '一千四十', '一百零', '零五', '一百零一十', '二十零五', '一千零百', '二二十', '一万', '第一', '12'])(
    'rejects %j',
    (cn) => expect(cnToInt(cn)).toBeNull(),
  );
});

describe('intToCn / articleLabel', () => {
  it.each([
    [10, '第十条'],
    [20, '第二十条'],
    [110, '第一百一十条'],
    [205, '第二百零五条'],
    [1010, '第一千零一十条'],
    [1042, '第一千零四十二条'],
    [1100, '第一千一百条'],
    [1260, '第一千二百六十条'],
  ])('%i → %s', (n, label) => expect(articleLabel(n)).toBe(label));

  it('round-trips every number 0–9999', () => {
    for (let n = 0; n <= 9999; n++) expect(cnToInt(intToCn(n))).toBe(n);
  });

  it('rejects numbers out of range', () => {
    expect(() => intToCn(10000)).toThrow(RangeError);
    expect(() => intToCn(-1)).toThrow(RangeError);
    expect(() => intToCn(1.5)).toThrow(RangeError);
  });
});
