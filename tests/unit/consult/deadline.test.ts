import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, isOverdue } from '@/lib/consult/deadline';

describe('working-day deadlines', () => {
  it.each([
    ['2026-11-30', 5, '2026-12-07'], // Monday + 5 → next Monday
    ['2026-12-04', 5, '2026-12-11'], // Friday + 5 → next Friday
    ['2026-12-05', 5, '2026-12-11'], // filed on a Saturday: counting starts Monday
    ['2026-12-06', 1, '2026-12-07'], // Sunday + 1 → Monday
    ['2026-12-03', 2, '2026-12-07'], // Thursday + 2 skips the weekend
  ])('%s plus %i working days is %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('takes the calendar day in China, not in UTC', () => {
    expect(chinaDate('2026-11-30T17:30:00.000Z')).toBe('2026-12-01');
  });

  it('counts a request overdue only after its deadline day and only while unresolved', () => {
    const c = { status: 'open', deadline: '2026-12-07' };
    expect(isOverdue(c, '2026-12-07T15:00:00.000Z')).toBe(false); // 23:00 in China on the deadline day
    expect(isOverdue(c, '2026-12-07T16:30:00.000Z')).toBe(true);
    expect(isOverdue({ ...c, status: 'resolved' }, '2026-12-20T00:00:00.000Z')).toBe(false);
  });
});
