/**
 * Item analysis as Moodle's quiz statistics report defines it, over one counted attempt per person:
 * facility index = the mean score on the question as a fraction of its maximum (here 0 or 1 per attempt);
 * discrimination index = the correlation between the score on the question and the score on the rest of the test
 * (the whole test with this question left out). Null when it is undefined (fewer than two attempts, or no spread).
 */
export interface ItemScores {
  /** One row per attempt: questionId → 0..1. A question missing from a row was not on that paper. */
  rows: readonly Readonly<Record<string, number>>[];
}

export interface QuestionStats {
  questionId: string;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
}

export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export function questionStats(questionIds: readonly string[], rows: ItemScores['rows']): QuestionStats[] {
  return questionIds.map((questionId) => {
    const on = rows.filter((r) => questionId in r);
    const item = on.map((r) => r[questionId] ?? 0);
    const rest = on.map((r) => Object.entries(r).reduce((sum, [id, v]) => (id === questionId ? sum : sum + v), 0));
    return {
      questionId,
      attempts: on.length,
      facility: on.length ? item.reduce((a, b) => a + b, 0) / on.length : null,
      discrimination: correlation(item, rest),
    };
  });
}

/** Ten buckets of ten points (the last holds 90–100). */
export function scoreDistribution(scores: readonly number[]): number[] {
  const buckets = Array.from({ length: 10 }, () => 0);
  for (const s of scores) {
    const i = Math.min(9, Math.max(0, Math.floor(s / 10)));
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets;
}

/** The attempt that counts for a person: the best score, or the latest submission. */
export function countedAttempt<T extends { score: number; submittedAt: string }>(
  attempts: readonly T[],
  rule: 'highest' | 'last',
): T | undefined {
  let best: T | undefined;
  for (const a of attempts) {
    if (!best) best = a;
    else if (rule === 'highest' ? a.score > best.score : a.submittedAt > best.submittedAt) best = a;
  }
  return best;
}
