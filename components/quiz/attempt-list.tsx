'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { Link } from '@/lib/i18n/navigation';
import type { OutboxOp } from '@/lib/local/db';
import type { LocalAttempt } from '@/lib/quiz/local-types';

export interface AttemptListProps {
  attempts: LocalAttempt[];
  rejected: OutboxOp[];
}

/** Each finished attempt: graded with its score, awaiting grading, or refused by the server with the reason. */
export function AttemptList({ attempts, rejected }: AttemptListProps) {
  const t = useTranslations('exam');
  const errorText = useErrorText();
  const reasonFor = (a: LocalAttempt) => {
    const op = rejected.find((o) => (o.payload as { attemptId?: string }).attemptId === a.id);
    return op ? errorText.reason(op) : undefined;
  };
  const done = attempts.filter((a) => a.status !== 'in-progress').sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (done.length === 0) return null;
  return (
    <ul aria-label={t('attemptsTitle')} className="flex flex-col gap-2">
      {done.map((a, i) => {
        const reason = a.status === 'submitted' ? reasonFor(a) : undefined;
        return (
          <li
            key={a.id}
            data-testid="exam-attempt"
            className={`rounded-lg border p-3 ${reason ? 'border-red-200 bg-red-50' : 'border-line bg-surface'}`}
          >
            <p className="font-medium">{t('attemptNo', { n: a.result?.attemptNo ?? i + 1 })}</p>
            {a.result ? (
              <p className={a.result.passed ? 'text-ok' : 'text-red-800'}>
                {t('graded', {
                  score: a.result.score,
                  correct: a.result.correctCount,
                  total: a.result.questionCount,
                  passed: t(a.result.passed ? 'passed' : 'notPassed'),
                })}
              </p>
            ) : reason ? (
              <p className="text-red-800">
                {t('rejected', { reason })}{' '}
                <Link href="/me" className="inline-flex min-h-11 items-center underline">
                  {t('seeSync')}
                </Link>
              </p>
            ) : (
              <p className="text-warn">{t('awaiting')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
