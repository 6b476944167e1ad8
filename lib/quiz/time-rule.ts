/**
 * The offline time-limit rule. A paper is downloaded online (the server records downloadedAt); the attempt may be
 * taken offline, and the phone records startedAt and submittedAt in server time (its clock corrected by the offset
 * measured at download). The server accepts a submission when:
 *   1. the attempt started after the paper was downloaded and while the exam was open
 *      (startedAt ≥ downloadedAt − skew, startedAt ≥ opensAt − skew, startedAt < closesAt);
 *   2. it was submitted within the time limit, and not after the exam closed:
 *      submittedAt − startedAt ≤ limit + grace, and submittedAt ≤ closesAt + grace;
 *   3. it reached the server no later than EXAM_LATE_SYNC_GRACE_MS after the exam closed, so a phone that
 *      finished in time without signal still counts if it syncs within three days.
 * The rule keeps honest offline learners whole; it cannot make a tampered phone trustworthy.
 */
export const EXAM_CLOCK_SKEW_MS = 5 * 60_000;
export const EXAM_SUBMIT_GRACE_MS = 2 * 60_000;
export const EXAM_LATE_SYNC_GRACE_MS = 72 * 3600_000;

export interface AttemptTiming {
  downloadedAt: string;
  startedAt: string;
  submittedAt: string;
  receivedAt: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
}

export type TimingViolation =
  'startedBeforeDownload' | 'startedOutsideWindow' | 'submittedBeforeStart' | 'overTime' | 'submittedAfterClose' | 'arrivedTooLate';

export function checkAttemptTiming(t: AttemptTiming): TimingViolation | null {
  const ms = (s: string) => new Date(s).getTime();
  const [downloaded, started, submitted, received, opens, closes] = [
    t.downloadedAt,
    t.startedAt,
    t.submittedAt,
    t.receivedAt,
    t.opensAt,
    t.closesAt,
  ].map(ms) as [number, number, number, number, number, number];
  if (started < downloaded - EXAM_CLOCK_SKEW_MS) return 'startedBeforeDownload';
  if (started < opens - EXAM_CLOCK_SKEW_MS || started >= closes) return 'startedOutsideWindow';
  if (submitted < started) return 'submittedBeforeStart';
  if (submitted - started > t.timeLimitMinutes * 60_000 + EXAM_SUBMIT_GRACE_MS) return 'overTime';
  if (submitted > closes + EXAM_SUBMIT_GRACE_MS) return 'submittedAfterClose';
  if (received > closes + EXAM_LATE_SYNC_GRACE_MS) return 'arrivedTooLate';
  return null;
}

/** Each violation's code in the `errors` catalogue, which says it to the person in their language. */
export const TIMING_CODES: Record<TimingViolation, string> = {
  startedBeforeDownload: 'EXAM_STARTED_BEFORE_DOWNLOAD',
  startedOutsideWindow: 'EXAM_STARTED_OUTSIDE_WINDOW',
  submittedBeforeStart: 'EXAM_SUBMITTED_BEFORE_START',
  overTime: 'EXAM_OVER_TIME',
  submittedAfterClose: 'EXAM_SUBMITTED_AFTER_CLOSE',
  arrivedTooLate: 'EXAM_ARRIVED_TOO_LATE',
};

/** The milliseconds left on the phone's (server-corrected) clock: the time limit, cut short by the window's close. */
export function deadlineOf(startedAt: string, timeLimitMinutes: number, closesAt: string): number {
  return Math.min(new Date(startedAt).getTime() + timeLimitMinutes * 60_000, new Date(closesAt).getTime());
}
