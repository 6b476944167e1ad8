'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { localDb, type LocalProfile } from '@/lib/local/db';
import { Link } from '@/lib/i18n/navigation';
import { taskViews, type TaskView } from '@/lib/study/tasks';
import { addDays, weekStartOf } from '@/lib/study/week';
import { RowLink } from './row-link';

/** This week's study tasks and the overdue ones; each row opens the next lesson still to do. */
export function WeekTasksCard({ profile }: { profile: LocalProfile }) {
  const t = useTranslations('home');
  const locale = useLocale();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [tasks, lessons, progress, modules] = await Promise.all([
      db.tasks.toArray(),
      db.lessons.toArray(),
      db.progress.toArray(),
      db.modules.toArray(),
    ]);
    return { tasks, lessons, progress: new Map(progress.map((p) => [p.lessonId, p])), modules };
  });
  if (!data) return null;
  const { thisWeek, overdue } = taskViews(data.tasks, profile, data.lessons, data.progress, new Date());
  const week = weekStartOf(new Date());
  const moduleTitle = (id: string | null) => {
    const m = data.modules.find((x) => x.id === id);
    return m ? (locale === 'zh' ? m.title.zh : m.title.en) : '';
  };
  const title = (v: TaskView) =>
    (v.task.lessonId ? (locale === 'zh' ? v.lessons[0]?.title : v.lessons[0]?.titleEn) : moduleTitle(v.task.moduleId)) ?? '';
  const href = (v: TaskView) => {
    const next = v.lessons.find((l) => !data.progress.get(l.id)?.completedAt) ?? v.lessons[0];
    return next ? `/study/lesson?id=${next.id}` : '/study';
  };
  const row = (v: TaskView) => (
    <li key={v.task.id} className="border-t border-line first:border-t-0">
      <RowLink
        href={href(v)}
        aside={
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-sm ${v.state === 'done' ? 'bg-green-100 text-ok' : v.state === 'overdue' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-warn'}`}
          >
            {t(v.state === 'done' ? 'done' : v.state === 'overdue' ? 'overdue' : 'todo')}
          </span>
        }
      >
        <span data-testid="task-title" className="block font-medium">
          {title(v)}
        </span>
        <span className="block text-sm text-muted">
          {v.task.note ? `${v.task.note} · ` : ''}
          {t('progress', { done: v.done, total: v.lessons.length })}
        </span>
      </RowLink>
    </li>
  );

  return (
    <>
      <Card aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="text-lg font-bold">
          {t('tasksTitle')}
        </h2>
        <p className="text-sm text-muted">{t('week', { start: week, end: addDays(week, 6) })}</p>
        {data.lessons.length === 0 ? (
          <p className="mt-3 text-muted">{t('firstSync')}</p>
        ) : thisWeek.length === 0 ? (
          <p className="mt-2">
            {t('noTasks')}{' '}
            <Link href="/study" className="inline-flex min-h-11 items-center font-medium text-brand underline">
              {t('continue')}
            </Link>
          </p>
        ) : (
          <ul className="mt-1">{thisWeek.map(row)}</ul>
        )}
      </Card>
      {overdue.length > 0 ? (
        <Card aria-labelledby="overdue-title">
          <h2 id="overdue-title" className="text-lg font-bold text-red-800">
            {t('overdueTitle')}
          </h2>
          <ul className="mt-1">{overdue.map(row)}</ul>
        </Card>
      ) : null}
    </>
  );
}
