import { describe, expect, it } from 'vitest';
import { periodBounds } from '@/lib/report/period';
import { roughly } from '@/server/reports/export';

describe('the report in words', () => {
  it('rounds large figures down with 余 and keeps small or round ones exact', () => {
    expect(roughly(1100)).toBe('1000余');
    expect(roughly(2999)).toBe('2000余');
    expect(roughly(350)).toBe('300余');
    expect(roughly(1000)).toBe('1000');
    expect(roughly(86)).toBe('86');
    expect(roughly(0)).toBe('0');
  });

  it('takes a period as whole CST days, both included', () => {
    expect(periodBounds('2025-01-01', '2025-12-31')).toEqual({ fromIso: '2024-12-31T16:00:00.000Z', toIso: '2025-12-31T16:00:00.000Z' });
    expect(periodBounds('2025-12-31', '2025-12-31').toIso > new Date('2025-12-31T23:30:00+08:00').toISOString()).toBe(true);
  });
});
