'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useProfile } from '@/hooks/use-profile';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { taskViews, type TaskView } from '@/lib/study/tasks';
import { addDays, weekStartOf } from '@/lib/study/week';

/** 首页: a greeting, this week's tasks with what is done, and what is overdue. */
export function HomeTasks() {
  const t = useTranslations('home');
  const tr = useTranslations('roles');
  const locale = useLocale();
  const profile = useProfile();
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
  if (!profile || !data) return <p role="status">{t('loading')}</p>;
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
    <li key={v.task.id} className="flex items-center gap-3 border-t border-line py-3 first:border-t-0">
      <div className="flex-1">
        <Link href={href(v)} className="font-medium underline-offset-2 hover:underline">
          {title(v)}
        </Link>
        <p className="text-sm text-muted">
          {v.task.note ? `${v.task.note} · ` : ''}
          {t('progress', { done: v.done, total: v.lessons.length })}
        </p>
      </div>
      <span
        className={`rounded-full px-2 py-0.5 text-sm ${v.state === 'done' ? 'bg-green-100 text-ok' : v.state === 'overdue' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-warn'}`}
      >
        {t(v.state === 'done' ? 'done' : v.state === 'overdue' ? 'overdue' : 'todo')}
      </span>
    </li>
  );

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <h1 className="text-xl font-bold">{t('greeting', { name: profile.name })}</h1>
        <p className="text-muted">
          {tr(profile.role)}
          {profile.orgUnitName ? ` · ${t('org', { org: profile.orgUnitName })}` : ''}
        </p>
        {profile.legalLiterate ? (
          <p className="mt-1 text-sm text-ok">{t('legalLiterate', { since: profile.legalLiterateSince ?? '' })}</p>
        ) : null}
      </Card>
      <Card aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="text-lg font-bold">
          {t('tasksTitle')}
        </h2>
        <p className="text-sm text-muted">{t('week', { start: week, end: addDays(week, 6) })}</p>
        {data.lessons.length === 0 ? (
          <p className="mt-3 text-muted">{t('firstSync')}</p>
        ) : thisWeek.length === 0 ? (
          <EmptyState
            action={
              <Link href="/study" className="underline">
                {t('continue')}
              </Link>
            }
          >
            {t('noTasks')}
          </EmptyState>
        ) : (
          <ul className="mt-2">{thisWeek.map(row)}</ul>
        )}
      </Card>
      {overdue.length > 0 ? (
        <Card aria-labelledby="overdue-title">
          <h2 id="overdue-title" className="text-lg font-bold text-red-800">
            {t('overdueTitle')}
          </h2>
          <ul className="mt-2">{overdue.map(row)}</ul>
        </Card>
      ) : null}
    </div>
  );
}
