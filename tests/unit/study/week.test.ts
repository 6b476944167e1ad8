import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '@/lib/study/week';

describe('weekStartOf (weeks run Monday to Sunday in China Standard Time)', () => {
  it.each([
    { at: '2026-03-04T04:00:00Z', expected: '2026-03-02', why: 'a Wednesday belongs to the Monday before it' },
    { at: '2026-03-02T00:00:00Z', expected: '2026-03-02', why: 'Monday 08:00 CST is its own week start' },
    { at: '2026-03-01T23:00:00Z', expected: '2026-03-02', why: 'Sunday 23:00 UTC is already Monday 07:00 in CST' },
    { at: '2026-03-01T16:00:00Z', expected: '2026-03-02', why: 'Monday 00:00 CST starts the new week' },
    { at: '2026-03-01T15:59:59Z', expected: '2026-02-23', why: 'Sunday 23:59:59 CST is still the old week' },
    { at: '2026-03-08T15:59:59Z', expected: '2026-03-02', why: 'the last second of the week' },
    { at: '2025-12-31T12:00:00Z', expected: '2025-12-29', why: 'a week can start in the year before' },
    { at: '2026-01-04T16:00:00Z', expected: '2026-01-05', why: 'the first Monday of the year, reached from a UTC Sunday' },
    { at: '2024-02-29T10:00:00Z', expected: '2024-02-26', why: 'a leap day' },
  ])('$at → $expected ($why)', ({ at, expected }) => {
    expect(weekStartOf(new Date(at))).toBe(expected);
  });

  it('always returns a Monday', () => {
    for (let h = 0; h < 24 * 14; h += 5) {
      const start = weekStartOf(new Date(Date.UTC(2026, 2, 1, h)));
      expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });
});

describe('addDays', () => {
  it.each([
    { date: '2026-03-02', days: 0, expected: '2026-03-02' },
    { date: '2026-03-02', days: -7, expected: '2026-02-23' },
    { date: '2026-02-27', days: 2, expected: '2026-03-01' },
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2025-12-29', days: 7, expected: '2026-01-05' },
    { date: '2026-01-05', days: -14, expected: '2025-12-22' },
  ])('$date + $days days = $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
