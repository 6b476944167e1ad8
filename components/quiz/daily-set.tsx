'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useProfile } from '@/hooks/use-profile';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { ensureDailySet } from '@/lib/local/quiz';
import { localDate } from '@/lib/quiz/daily';
import { PracticeRunner } from './practice-runner';

/** 每日一练: today's five questions, answered offline; done for the day once all five are answered. */
export function DailySet() {
  const t = useTranslations('quiz');
  const profile = useProfile();
  const date = localDate(new Date());
  const [ready, setReady] = useState(false);
  const [touched, setTouched] = useState(false);
  const [finished, setFinished] = useState(false);
  useEffect(() => {
    if (profile) void ensureDailySet(profile.id, date).then(() => setReady(true));
  }, [profile, date]);
  const data = useLiveQuery(async () => {
    const db = localDb();
    const set = await db.dailySets.get(date);
    return { set: set ?? null, questions: set ? await db.questions.bulkGet(set.questionIds) : [] };
  }, [date, ready]);

  if (!data || !ready) return <p role="status">{t('loading')}</p>;
  const back = (
    <Link href="/quiz" className="inline-flex min-h-11 items-center self-start text-muted underline">
      ← {t('back')}
    </Link>
  );
  if (!data.set) return <EmptyState action={back}>{t('noQuestions')}</EmptyState>;
  const answers = data.set.answers;
  const done = data.set.questionIds.every((id) => answers[id]);
  const right = Object.values(answers).filter((a) => a.correct).length;
  // Answering now: the summary waits until the last feedback was read. Opened after all five: straight to it.
  const summary = done && (finished || !touched);
  return (
    <div className="flex flex-col gap-3">
      {back}
      <h1 className="text-xl font-bold">{t('dailyTitle')}</h1>
      {!summary ? (
        <PracticeRunner
          questionIds={data.set.questionIds}
          mode="daily"
          answered={answers}
          onAnswered={() => setTouched(true)}
          onFinish={() => setFinished(true)}
        />
      ) : null}
      {summary ? (
        <Card aria-labelledby="daily-summary">
          <h2 id="daily-summary" className="text-lg font-bold">
            {t('dailyDone', { right, total: data.set.questionIds.length })}
          </h2>
          <ol className="mt-2 flex flex-col gap-1">
            {data.questions.map((q, i) =>
              q ? (
                <li key={q.id} className={answers[q.id]?.correct ? 'text-ok' : 'text-red-800'}>
                  {answers[q.id]?.correct ? '✓' : '✗'} {i + 1}. {q.stem}
                </li>
              ) : null,
            )}
          </ol>
          {right < data.set.questionIds.length ? (
            <Link href="/quiz/wrong" className="mt-3 inline-block underline">
              {t('goWrongBook')}
            </Link>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
