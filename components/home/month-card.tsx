'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { localDb } from '@/lib/local/db';

/** My progress this month, counted from what is on the phone: lessons completed, minutes read, questions answered. */
export function MonthCard() {
  const t = useTranslations('home');
  const figures = useLiveQuery(async () => {
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), 1).toISOString();
    const db = localDb();
    const [progress, answers] = await Promise.all([db.progress.toArray(), db.quizAnswers.where('at').aboveOrEqual(start).toArray()]);
    return {
      lessons: progress.filter((p) => p.completedAt && p.completedAt >= start).length,
      answered: answers.length,
      right: answers.filter((a) => a.correct).length,
    };
  });
  if (!figures) return null;
  // dt before dd, as a definition list needs; shown number first
  const cell = (value: number, label: string) => (
    <div className="flex flex-col-reverse items-center rounded-lg bg-page p-2">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-bold text-brand-dark">{value}</dd>
    </div>
  );
  return (
    <Card aria-labelledby="month-title">
      <h2 id="month-title" className="mb-2 text-lg font-bold">
        {t('monthTitle')}
      </h2>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {cell(figures.lessons, t('monthLessons'))}
        {cell(figures.answered, t('monthAnswered'))}
        {cell(figures.right, t('monthRight'))}
      </dl>
    </Card>
  );
}
