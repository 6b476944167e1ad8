import { describe, expect, it } from 'vitest';
import { articleHref, citationHref, lawHref } from '@/lib/laws/links';
import { citedLaws, lawsToKeep, offlinePlan } from '@/lib/laws/offline-choice';
import type { LawSummary } from '@/lib/laws/types';

const law = (shortTitle: string, id = `${shortTitle}-v1`): LawSummary => ({
  id,
  shortTitle,
  title: shortTitle,
  category: 'other',
  versionDate: null,
  version: 1,
  articleCount: 1,
  textBytes: 10,
  importedAt: '',
});
const catalog = [law('民法典'), law('宪法'), law('禁毒法')];
const cited = citedLaws([{ cites: [{ law: '民法典', article: 1042 }] }, { cites: [{ law: '宪法', article: 5 }] }]);

describe('which laws a phone keeps', () => {
  it.each([
    ['keeps the cited laws by default', {}, ['民法典', '宪法']],
    ['adds a law the person turned on', { 禁毒法: true }, ['民法典', '宪法', '禁毒法']],
    ['drops a cited law the person turned off', { 宪法: false }, ['民法典']],
    ['ignores a choice for a law the server does not have', { 草原法: true }, ['民法典', '宪法']],
  ])('%s', (_name, choices, expected) => {
    expect(lawsToKeep(catalog, cited, choices).map((l) => l.shortTitle)).toEqual(expected);
  });

  it.each([
    ['downloads what is missing', [], ['民法典', '宪法'], []],
    [
      'downloads a newer version and nothing already current',
      [
        { shortTitle: '民法典', id: '民法典-v0' },
        { shortTitle: '宪法', id: '宪法-v1' },
      ],
      ['民法典'],
      [],
    ],
    [
      'removes a law no longer kept',
      [
        { shortTitle: '民法典', id: '民法典-v1' },
        { shortTitle: '宪法', id: '宪法-v1' },
        { shortTitle: '禁毒法', id: '禁毒法-v1' },
      ],
      [],
      ['禁毒法'],
    ],
  ])('plan: %s', (_name, held, download, remove) => {
    const plan = offlinePlan(lawsToKeep(catalog, cited, {}), held);
    expect(plan.download.map((l) => l.shortTitle)).toEqual(download);
    expect(plan.remove).toEqual(remove);
  });
});

describe('law addresses', () => {
  it('addresses an article by law short title and number', () => {
    expect(articleHref('民法典', 1042)).toBe('/laws/article?law=%E6%B0%91%E6%B3%95%E5%85%B8&n=1042');
    expect(lawHref('宪法')).toBe('/laws/law?law=%E5%AE%AA%E6%B3%95');
  });

  it.each([
    ['民法典:1042', articleHref('民法典', 1042)],
    ['中华人民共和国宪法：5', articleHref('宪法', 5)],
    ['第五条', null],
  ])('turns the citation %s into a link', (ref, href) => {
    expect(citationHref(ref)).toBe(href);
  });
});
