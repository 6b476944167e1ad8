// Reading Lighthouse results for `npm run bench:pages`: category scores, the median over several runs, which
// categories miss their threshold and the audits that cost them points, and requests that left this machine.

/** The targets of issue 8: Lighthouse 12.2.3 mobile on home, a lesson and the quiz page. */
export const LIGHTHOUSE_THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 0.9 };

/** Each category's score (0…1), null when Lighthouse could not score it. */
export function categoryScores(lhr, thresholds = LIGHTHOUSE_THRESHOLDS) {
  return Object.fromEntries(Object.keys(thresholds).map((id) => [id, lhr.categories[id]?.score ?? null]));
}

/** The median of the runs' scores per category; a category any run could not score stays null. */
export function medianScores(runs) {
  const ids = Object.keys(runs[0] ?? {});
  return Object.fromEntries(
    ids.map((id) => {
      const values = runs.map((r) => r[id]);
      if (values.some((v) => v === null || v === undefined)) return [id, null];
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return [id, sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2];
    }),
  );
}

/**
 * The audits of a category that cost it points, most costly first: weighted audits with a score below 1 (a metric
 * scored 0.8 costs a fifth of its weight).
 */
export function costlyAudits(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  if (!category) return [];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => ({ id: audit.id, score: audit.score, displayValue: audit.displayValue, lost: ref.weight * (1 - audit.score) }))
    .sort((a, b) => b.lost - a.lost);
}

/**
 * Categories below their threshold in `scores` (one run's or the median), each with the audits of `lhr` that cost
 * it points. An unscored category is a miss.
 */
export function missedCategories(scores, lhr, thresholds = LIGHTHOUSE_THRESHOLDS) {
  return Object.entries(thresholds)
    .filter(([id, min]) => scores[id] === null || scores[id] === undefined || scores[id] < min)
    .map(([id, min]) => ({ category: id, score: scores[id] ?? null, min, audits: costlyAudits(lhr, id) }));
}

/** One line per miss: "best-practices 0.96 < 1: errors-in-console, image-aspect-ratio". */
export function describeMiss(miss) {
  const audits = miss.audits.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ');
  return `${miss.category} ${miss.score ?? 'not scored'} < ${miss.min}${audits ? `: ${audits}` : ''}`;
}

/** URLs of the run's network requests bound for a host other than `allowedHosts` (data:, blob: never leave). */
export function leavingRequests(lhr, allowedHosts) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items
    .map((item) => item.url)
    .filter((url) => {
      const u = new URL(url);
      return (
        (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') &&
        !allowedHosts.includes(u.hostname)
      );
    });
}
