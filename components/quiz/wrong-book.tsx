'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { RIGHT_ANSWERS_TO_CLEAR } from '@/lib/quiz/wrong-book';
import { AnswerFeedback } from './answer-feedback';

/** 错题本: every question answered wrongly and not yet answered right twice since, with a way to practise them. */
export function WrongBook() {
  const t = useTranslations('quiz');
  const data = useLiveQuery(async () => {
    const db = localDb();
    const entries = await db.wrongBook.orderBy('addedAt').reverse().toArray();
    const questions = await db.questions.bulkGet(entries.map((e) => e.questionId));
    return entries.map((entry, i) => ({ entry, question: questions[i] }));
  });
  if (!data) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-3">
      <Link href="/quiz" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('back')}
      </Link>
      <h1 className="text-xl font-bold">{t('wrongBookTitle')}</h1>
      <p className="text-sm text-muted">{t('wrongBookRule', { count: RIGHT_ANSWERS_TO_CLEAR })}</p>
      {data.length === 0 ? (
        <EmptyState>{t('wrongBookEmpty')}</EmptyState>
      ) : (
        <>
          <Link
            href="/quiz/practice?wrong=1"
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand px-4 font-medium text-white"
          >
            {t('practiseWrong', { count: data.length })}
          </Link>
          <ul aria-label={t('wrongBookTitle')} className="flex flex-col gap-2">
            {data.map(({ entry, question }) => (
              <li key={entry.questionId}>
                <Card>
                  <p className="font-medium">{question?.stem ?? entry.questionId}</p>
                  <p className="text-sm text-muted">
                    {t('wrongStats', { wrong: entry.wrongCount, right: entry.rightStreak, need: RIGHT_ANSWERS_TO_CLEAR })}
                  </p>
                  {question ? (
                    <details className="mt-2">
                      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-dark">{t('showAnswer')}</summary>
                      <AnswerFeedback correct answer={question.answer} explanation={question.explanation} basis={question.basis} plain />
                    </details>
                  ) : null}
                  <Link
                    href={`/quiz/practice?wrong=1&q=${encodeURIComponent(entry.questionId)}`}
                    className="mt-1 inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-medium hover:border-brand"
                  >
                    {t('retryOne')}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
