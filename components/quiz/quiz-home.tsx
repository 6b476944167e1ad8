'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { DAILY_SET_SIZE, localDate } from '@/lib/quiz/daily';
import { ExamList } from './exam-list';

/** 答题: today's daily set, the wrong-answer book, formal exams, and practice by module or theme — all from the phone. */
export function QuizHome() {
  const t = useTranslations('quiz');
  const locale = useLocale();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [modules, questions, wrong, daily] = await Promise.all([
      db.modules.orderBy('sortOrder').toArray(),
      db.questions.toArray(),
      db.wrongBook.count(),
      db.dailySets.get(localDate(new Date())),
    ]);
    const themes = new Map<string, number>();
    for (const q of questions) for (const tag of q.tags.slice(1)) themes.set(tag, (themes.get(tag) ?? 0) + 1);
    return {
      modules: modules.map((m) => ({ module: m, count: questions.filter((q) => q.moduleId === m.id).length })).filter((m) => m.count > 0),
      themes: [...themes].filter(([, n]) => n >= 4).sort((a, b) => b[1] - a[1]),
      wrong,
      dailyDone: daily ? Object.keys(daily.answers).length : 0,
      total: questions.length,
    };
  });
  if (!data) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      {data.total === 0 ? <EmptyState>{t('noQuestions')}</EmptyState> : null}
      <div className="grid grid-cols-2 gap-3">
        <Link href="/quiz/daily" className="block">
          <Card className="h-full hover:border-brand">
            <h2 className="font-bold">{t('dailyTitle')}</h2>
            <p className="text-sm text-muted">{t('dailyStatus', { done: data.dailyDone, total: DAILY_SET_SIZE })}</p>
          </Card>
        </Link>
        <Link href="/quiz/wrong" className="block">
          <Card className="h-full hover:border-brand">
            <h2 className="font-bold">{t('wrongBookTitle')}</h2>
            <p className="text-sm text-muted">{t('wrongCount', { count: data.wrong })}</p>
          </Card>
        </Link>
      </div>
      <ExamList />
      <Card aria-labelledby="practice-title">
        <h2 id="practice-title" className="text-lg font-bold">
          {t('practiceTitle')}
        </h2>
        <ul className="mt-2 flex flex-col">
          {data.modules.map(({ module, count }) => (
            <li key={module.id} className="border-t border-line first:border-t-0">
              <Link href={`/quiz/practice?module=${module.id}`} className="flex min-h-11 items-center justify-between gap-2 py-2">
                <span>{locale === 'zh' ? module.title.zh : module.title.en}</span>
                <span className="shrink-0 text-sm text-muted">{t('questionCount', { count })}</span>
              </Link>
            </li>
          ))}
        </ul>
        <h3 className="mt-3 font-bold">{t('themesTitle')}</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {data.themes.map(([tag, n]) => (
            <li key={tag}>
              <Link
                href={`/quiz/practice?tag=${encodeURIComponent(tag)}`}
                className="inline-flex min-h-11 items-center rounded-full border border-line bg-surface px-3 text-sm"
              >
                {tag} · {n}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
