import { describe, expect, it } from 'vitest';
import { categoryScores, describeMiss, leavingRequests, medianScores, missedCategories, type Lhr } from '@/scripts/lighthouse-scores.mjs';

/** A Lighthouse result cut down to what the bench reads, in the shape Lighthouse 12 writes. */
function lhr(scores: Record<string, number | null>, audits: Record<string, number | null> = {}): Lhr {
  const refs: Record<string, Array<{ id: string; weight: number }>> = {
    performance: [
      { id: 'largest-contentful-paint', weight: 25 },
      { id: 'total-blocking-time', weight: 30 },
      { id: 'render-blocking-resources', weight: 0 },
    ],
    accessibility: [
      { id: 'color-contrast', weight: 7 },
      { id: 'label', weight: 7 },
    ],
    'best-practices': [
      { id: 'errors-in-console', weight: 1 },
      { id: 'image-aspect-ratio', weight: 1 },
    ],
    seo: [{ id: 'meta-description', weight: 1 }],
  };
  return {
    categories: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, auditRefs: refs[id] ?? [] }])),
    audits: Object.fromEntries(
      Object.values(refs)
        .flat()
        .map(({ id }) => [
          id,
          { id, score: id in audits ? (audits[id] ?? null) : 1, displayValue: id === 'largest-contentful-paint' ? '3.1 s' : undefined },
        ]),
    ),
  };
}

const allMet = { performance: 0.97, accessibility: 1, 'best-practices': 1, seo: 0.92 };

describe('Lighthouse thresholds of bench:pages', () => {
  it('finds nothing missed when every category reaches its threshold, at the threshold itself too', () => {
    expect(missedCategories(allMet, lhr(allMet))).toEqual([]);
    const edge = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 0.9 };
    expect(missedCategories(edge, lhr(edge))).toEqual([]);
  });

  it('names each missed category with the weighted audits that cost it points, the most costly first', () => {
    const scores = { performance: 0.81, accessibility: 0.96, 'best-practices': 1, seo: 0.92 };
    const report = lhr(scores, { 'largest-contentful-paint': 0.5, 'total-blocking-time': 0.9, 'render-blocking-resources': 0, label: 0 });
    const missed = missedCategories(scores, report);
    expect(missed.map((m) => m.category)).toEqual(['performance', 'accessibility']);
    // LCP at 0.5 loses 12.5 of its 25; TBT at 0.9 loses 3 of its 30; an audit without weight costs nothing.
    expect(missed[0]?.audits.map((a) => a.id)).toEqual(['largest-contentful-paint', 'total-blocking-time']);
    expect(describeMiss(missed[0]!)).toBe('performance 0.81 < 0.95: largest-contentful-paint (3.1 s), total-blocking-time');
    expect(describeMiss(missed[1]!)).toBe('accessibility 0.96 < 1: label');
  });

  it('counts a category Lighthouse could not score as missed', () => {
    const scores = { ...allMet, 'best-practices': null };
    const missed = missedCategories(scores, lhr(scores));
    expect(missed).toHaveLength(1);
    expect(describeMiss(missed[0]!)).toBe('best-practices not scored < 1');
  });

  it('reads the category scores of one run and takes the median over several', () => {
    const runs = [0.91, 0.97, 0.95].map((performance) => categoryScores(lhr({ ...allMet, performance })));
    expect(runs[0]).toEqual({ ...allMet, performance: 0.91 });
    expect(medianScores(runs)).toEqual({ ...allMet, performance: 0.95 });
    expect(medianScores(runs.slice(0, 2)).performance).toBeCloseTo(0.94);
    expect(medianScores([...runs, { ...allMet, seo: null }]).seo).toBeNull();
  });

  it('lists the requests bound for another host, never this machine or data: URLs', () => {
    const report = lhr(allMet);
    report.audits['network-requests'] = {
      id: 'network-requests',
      score: null,
      details: {
        items: [
          { url: 'http://127.0.0.1:4100/zh' },
          { url: 'data:image/png;base64,AAAA' },
          // Reserved .invalid host: a request that would leave the machine, without naming a real foreign service.
          { url: 'https://fonts.cdn.invalid/font.css' },
        ],
      },
    };
    expect(leavingRequests(report, ['127.0.0.1'])).toEqual(['https://fonts.cdn.invalid/font.css']);
  });
});
