import { describe, expect, it } from 'vitest';
import { SYNC_BACKOFF_BASE_MS, SYNC_BACKOFF_MAX_MS } from '@/lib/constants';
import { backoffDelayMs } from '@/lib/sync/backoff';

const fixed = (value: number) => () => value;

describe('backoffDelayMs', () => {
  // Base 2 s, cap 5 min: the ceiling doubles per attempt (2, 4, 8 … 256 s) and stops at 300 s from attempt 9.
  it.each([
    { attempt: -1, random: 1, expected: 0, why: 'a negative attempt waits nothing' },
    { attempt: 0, random: 0.5, expected: 0, why: 'the first try waits nothing' },
    { attempt: 0, random: 1, expected: 0, why: 'the first try ignores the jitter' },
    { attempt: 1, random: 0, expected: 1_000, why: 'jitter 0 gives half the 2 s ceiling' },
    { attempt: 1, random: 0.5, expected: 1_500, why: 'jitter 0.5 gives three quarters of the ceiling' },
    { attempt: 1, random: 1, expected: 2_000, why: 'jitter 1 gives the whole ceiling' },
    { attempt: 2, random: 1, expected: 4_000, why: 'the ceiling doubles' },
    { attempt: 2, random: 0, expected: 2_000, why: 'half of the doubled ceiling' },
    { attempt: 3, random: 1, expected: 8_000, why: 'and doubles again' },
    { attempt: 8, random: 1, expected: 256_000, why: 'the last uncapped ceiling' },
    { attempt: 9, random: 1, expected: 300_000, why: '512 s is capped at 5 min' },
    { attempt: 9, random: 0, expected: 150_000, why: 'jitter applies below the cap' },
    { attempt: 50, random: 1, expected: 300_000, why: 'the cap holds for long outages' },
    { attempt: 5_000, random: 1, expected: 300_000, why: 'the cap holds even when 2^n overflows to Infinity' },
  ])('attempt $attempt with random() = $random waits $expected ms ($why)', ({ attempt, random, expected }) => {
    expect(backoffDelayMs(attempt, fixed(random))).toBe(expected);
  });

  it.each([
    { attempt: 1, base: 100, max: 1_000, random: 1, expected: 100 },
    { attempt: 4, base: 100, max: 1_000, random: 1, expected: 800 },
    { attempt: 5, base: 100, max: 1_000, random: 1, expected: 1_000 },
    { attempt: 5, base: 100, max: 1_000, random: 0, expected: 500 },
  ])(
    'honours a custom base $base and cap $max (attempt $attempt, random $random → $expected)',
    ({ attempt, base, max, random, expected }) => {
      expect(backoffDelayMs(attempt, fixed(random), base, max)).toBe(expected);
    },
  );

  it('always lands between half the ceiling and the ceiling, whatever the jitter', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(SYNC_BACKOFF_MAX_MS, SYNC_BACKOFF_BASE_MS * 2 ** (attempt - 1));
      for (const r of [0, 0.001, 0.25, 0.5, 0.75, 0.999, 1]) {
        const delay = backoffDelayMs(attempt, fixed(r));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('never shrinks as the attempts grow, for the same jitter', () => {
    const delays = Array.from({ length: 15 }, (_, i) => backoffDelayMs(i, fixed(0.3)));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });
});
