import { describe, expect, it } from 'vitest';
import { correlation, countedAttempt, questionStats, scoreDistribution } from '@/lib/quiz/stats';

describe('questionStats (Moodle facility and discrimination)', () => {
  // Four attempts at three questions. Worked by hand:
  // q1 scores 1,1,0,0 against rest-of-test 2,1,1,0 → facility 0.5, r = 1/√2;
  // q2 scores 1,0,1,0 against rest-of-test 2,2,0,0 → facility 0.5, r = 0;
  // q3 scores 1,1,0,0 against rest-of-test 2,1,1,0 → facility 0.5, r = 1/√2.
  const rows = [
    { q1: 1, q2: 1, q3: 1 },
    { q1: 1, q2: 0, q3: 1 },
    { q1: 0, q2: 1, q3: 0 },
    { q1: 0, q2: 0, q3: 0 },
  ];

  it('computes facility as the mean score and discrimination against the rest of the test', () => {
    const stats = questionStats(['q1', 'q2', 'q3'], rows);
    expect(stats.map((s) => s.facility)).toEqual([0.5, 0.5, 0.5]);
    expect(stats[0]!.discrimination).toBeCloseTo(Math.SQRT1_2, 10);
    expect(stats[1]!.discrimination).toBeCloseTo(0, 10);
    expect(stats[2]!.discrimination).toBeCloseTo(Math.SQRT1_2, 10);
    expect(stats.every((s) => s.attempts === 4)).toBe(true);
  });

  it('finds a negative discrimination when the weaker candidates get a question right', () => {
    const [q] = questionStats(
      ['q'],
      [
        { q: 0, a: 1, b: 1 },
        { q: 0, a: 1, b: 0 },
        { q: 1, a: 0, b: 0 },
      ],
    );
    expect(q!.facility).toBeCloseTo(1 / 3, 10);
    expect(q!.discrimination).toBeCloseTo(-0.866, 3);
  });

  it('leaves discrimination undefined when everyone scores the same on the question', () => {
    const [q] = questionStats(
      ['q'],
      [
        { q: 1, a: 1 },
        { q: 1, a: 0 },
      ],
    );
    expect(q).toEqual({ questionId: 'q', attempts: 2, facility: 1, discrimination: null });
  });

  it('counts only the attempts whose paper held the question (random papers differ)', () => {
    const [q] = questionStats(['q'], [{ q: 1, a: 0 }, { a: 1 }, { q: 0, a: 1 }]);
    expect(q!.attempts).toBe(2);
    expect(q!.facility).toBe(0.5);
  });
});

describe('correlation', () => {
  it('is 1 for a perfect line and null for fewer than two points', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(correlation([1], [1])).toBeNull();
  });
});

describe('scoreDistribution and countedAttempt', () => {
  it('puts scores in ten buckets, 100 in the last', () => {
    expect(scoreDistribution([0, 9.9, 10, 55, 90, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('counts the highest or the last attempt', () => {
    const attempts = [
      { score: 80, submittedAt: '2026-03-01T00:00:00Z' },
      { score: 60, submittedAt: '2026-03-02T00:00:00Z' },
    ];
    expect(countedAttempt(attempts, 'highest')?.score).toBe(80);
    expect(countedAttempt(attempts, 'last')?.score).toBe(60);
    expect(countedAttempt([], 'last')).toBeUndefined();
  });
});
