import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize, tokenizeQuery } from '../../../lib/search/tokenize';

describe('tokenize (index side)', () => {
  it.each([
    ['宅基地', ['宅', '宅基', '基', '基地', '地']],
    ['禁牧', ['禁', '禁牧', '牧']],
    ['法', ['法']],
    ['定金，违约金', ['定', '定金', '金', '违', '违约', '约', '约金', '金']],
    ['第1042条', ['第', '1042', '条']],
    ['P2P网贷', ['p2p', '网', '网贷', '贷']],
    ['ＡＰＰ收集个人信息', ['app', '收', '收集', '集', '集个', '个', '个人', '人', '人信', '信', '信息', '息']],
    ['Hello World', ['hello', 'world']],
    ['（一）', ['一']],
    ['　 \u200b', []],
    ['', []],
  ])('%j → %j', (text, tokens) => expect(tokenize(text)).toEqual(tokens));
});

describe('tokenizeQuery (query side)', () => {
  it.each([
    ['宅基地', ['宅基', '基地']],
    ['法', ['法']],
    ['电信诈骗', ['电信', '信诈', '诈骗']],
    ['遗嘱 遗赠', ['遗嘱', '遗赠']],
    ['的的的', ['的的']],
    ['民法典 1042', ['民法', '法典', '1042']],
    ['《民法典》第一千零四十二条', ['民法', '法典', '第一', '一千', '千零', '零四', '四十', '十二', '二条']],
  ])('%j → %j', (q, tokens) => expect(tokenizeQuery(q)).toEqual(tokens));
});

describe('normalizeText', () => {
  it('folds full-width ASCII and case', () => {
    expect(normalizeText('ＡＢＣ１２３abc')).toBe('abc123abc');
  });
});
