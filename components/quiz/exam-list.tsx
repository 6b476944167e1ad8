'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { examState } from '@/lib/quiz/exam-state';

/** The formal exams this person may take, each with where they stand: open, awaiting grading, or their score. */
export function ExamList() {
  const t = useTranslations('exam');
  const locale = useLocale();
  const data = useLiveQuery(async () => {
    const db = localDb();
    return { exams: await db.exams.orderBy('closesAt').reverse().toArray(), attempts: await db.examAttempts.toArray() };
  });
  if (!data || data.exams.length === 0) return null;
  const when = (s: string) => new Date(s).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Card aria-labelledby="exams-title">
      <h2 id="exams-title" className="text-lg font-bold">
        {t('listTitle')}
      </h2>
      <ul className="mt-2 flex flex-col">
        {data.exams.map((exam) => {
          const s = examState(exam, data.attempts, new Date());
          const status = s.inProgress
            ? t('inProgress')
            : s.awaiting.length
              ? t('awaiting')
              : s.counted
                ? t('scoreLine', { score: s.counted.score, passed: t(s.counted.passed ? 'passed' : 'notPassed') })
                : t(`window.${s.window}`);
          return (
            <li key={exam.id} className="border-t border-line first:border-t-0">
              <Link href={`/quiz/exam?id=${exam.id}`} className="flex min-h-11 flex-col py-2">
                <span className="font-medium">{exam.title}</span>
                <span className="text-sm text-muted">
                  {t('windowRange', { from: when(exam.opensAt), to: when(exam.closesAt) })} · {status}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
