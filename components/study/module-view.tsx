'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';

/** One module: its lessons in order, each marked completed or in progress. */
export function ModuleView() {
  const t = useTranslations('study');
  const locale = useLocale();
  const id = useSearchParams().get('id') ?? '';
  const data = useLiveQuery(async () => {
    const db = localDb();
    const found = await db.modules.get(id);
    if (!found) return { module: null } as const;
    const lessons = await db.lessons.where('moduleId').equals(id).sortBy('sortOrder');
    const progress = new Map(
      (await db.progress.bulkGet(lessons.map((l) => l.id))).filter((p) => p !== undefined).map((p) => [p.lessonId, p]),
    );
    return { module: found, lessons, progress };
  }, [id]);
  if (data === undefined) return <p role="status">…</p>;
  if (!data.module)
    return (
      <EmptyState
        action={
          <Link href="/study" className="inline-flex min-h-11 items-center underline">
            {t('back')}
          </Link>
        }
      >
        {t('notFound')}
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-3">
      <Link href="/study" className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('back')}
      </Link>
      <h1 className="text-xl font-bold">{locale === 'zh' ? data.module.title.zh : data.module.title.en}</h1>
      <p className="text-muted">{locale === 'zh' ? data.module.summary.zh : data.module.summary.en}</p>
      <ol className="flex flex-col gap-2">
        {data.lessons.map((lesson, i) => {
          const p = data.progress.get(lesson.id);
          return (
            <li key={lesson.id}>
              <Link href={`/study/lesson?id=${lesson.id}`} className="block">
                <Card className="flex items-center gap-3 hover:border-brand">
                  <span className="text-lg font-bold text-muted">{i + 1}</span>
                  <span className="flex-1">
                    <span className="block font-medium">{locale === 'zh' ? lesson.title : lesson.titleEn}</span>
                    <span className="text-sm text-muted">{t('minutes', { minutes: lesson.minutes })}</span>
                  </span>
                  {p?.completedAt ? (
                    <span className="text-sm text-ok">✓ {t('completed')}</span>
                  ) : p?.openedAt ? (
                    <span className="text-sm text-warn">{t('opened')}</span>
                  ) : null}
                </Card>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
