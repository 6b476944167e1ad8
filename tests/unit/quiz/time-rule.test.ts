import { describe, expect, it } from 'vitest';
import { checkAttemptTiming, deadlineOf, type AttemptTiming, type TimingViolation } from '@/lib/quiz/time-rule';

// An exam open 1 March 08:00 to 10 March 08:00 with a 30-minute limit; the paper was downloaded 2 March 09:00.
const base: AttemptTiming = {
  opensAt: '2026-03-01T08:00:00.000Z',
  closesAt: '2026-03-10T08:00:00.000Z',
  downloadedAt: '2026-03-02T09:00:00.000Z',
  startedAt: '2026-03-02T10:00:00.000Z',
  submittedAt: '2026-03-02T10:25:00.000Z',
  receivedAt: '2026-03-02T10:25:01.000Z',
  timeLimitMinutes: 30,
};

describe('checkAttemptTiming', () => {
  it.each<[string, Partial<AttemptTiming>, TimingViolation | null]>([
    ['an attempt taken online and in time', {}, null],
    ['taken offline, synced five days later, before the exam closed', { receivedAt: '2026-03-07T18:00:00.000Z' }, null],
    [
      'the phone clock a little behind the download (within 5 min skew)',
      { startedAt: '2026-03-02T08:57:00.000Z', submittedAt: '2026-03-02T09:20:00.000Z' },
      null,
    ],
    [
      'started well before the paper was downloaded',
      { startedAt: '2026-03-02T08:50:00.000Z', submittedAt: '2026-03-02T09:10:00.000Z' },
      'startedBeforeDownload',
    ],
    ['exactly the time limit plus the 2-minute grace', { submittedAt: '2026-03-02T10:32:00.000Z' }, null],
    ['one second over the limit and grace', { submittedAt: '2026-03-02T10:32:01.000Z' }, 'overTime'],
    ['submitted before it started', { submittedAt: '2026-03-02T09:59:00.000Z' }, 'submittedBeforeStart'],
    [
      'started after the exam closed',
      { downloadedAt: '2026-03-09T09:00:00.000Z', startedAt: '2026-03-10T08:00:00.000Z', submittedAt: '2026-03-10T08:10:00.000Z' },
      'startedOutsideWindow',
    ],
    ['started before the exam opened', { opensAt: '2026-03-02T11:00:00.000Z' }, 'startedOutsideWindow'],
    [
      'started just before closing and ran past it',
      { startedAt: '2026-03-10T07:50:00.000Z', submittedAt: '2026-03-10T08:15:00.000Z', receivedAt: '2026-03-10T09:00:00.000Z' },
      'submittedAfterClose',
    ],
    ['finished in time, synced 71 hours after closing', { receivedAt: '2026-03-13T07:00:00.000Z' }, null],
    ['finished in time, synced 73 hours after closing', { receivedAt: '2026-03-13T09:00:00.000Z' }, 'arrivedTooLate'],
  ])('%s', (_name, change, expected) => {
    expect(checkAttemptTiming({ ...base, ...change })).toBe(expected);
  });
});

describe('deadlineOf', () => {
  it('is the time limit after the start, cut short by the exam closing', () => {
    expect(new Date(deadlineOf('2026-03-02T10:00:00.000Z', 30, base.closesAt)).toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect(new Date(deadlineOf('2026-03-10T07:50:00.000Z', 30, base.closesAt)).toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });
});
