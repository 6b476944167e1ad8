import type { LocalAttempt } from './local-types';
import { countedAttempt } from './stats';
import type { AttemptResult, ExamSummary } from './types';

/** Where a person stands with one exam, from what the phone holds. Pure, so the exam screens stay simple. */
export interface ExamState {
  window: 'upcoming' | 'open' | 'closed';
  inProgress: LocalAttempt | undefined;
  awaiting: LocalAttempt[];
  graded: AttemptResult[];
  counted: AttemptResult | undefined;
  used: number;
  attemptsLeft: number;
}

export function examState(exam: ExamSummary, attempts: readonly LocalAttempt[], now: Date): ExamState {
  const at = now.toISOString();
  const mine = attempts.filter((a) => a.examId === exam.id);
  const graded = mine.flatMap((a) => (a.status === 'graded' && a.result ? [a.result] : [])).sort((a, b) => a.attemptNo - b.attemptNo);
  const used = mine.filter((a) => a.status !== 'in-progress').length;
  return {
    window: at < exam.opensAt ? 'upcoming' : at >= exam.closesAt ? 'closed' : 'open',
    inProgress: mine.find((a) => a.status === 'in-progress'),
    awaiting: mine.filter((a) => a.status === 'submitted'),
    graded,
    counted: countedAttempt(graded, exam.countingRule),
    used,
    attemptsLeft: Math.max(0, exam.maxAttempts - used),
  };
}
