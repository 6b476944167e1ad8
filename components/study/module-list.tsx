'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';

/** 学习: every module on the phone, with how much of it the person has completed. */
export function ModuleList() {
  const t = useTranslations('study');
  const tl = useTranslations('laws');
  const locale = useLocale();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const [modules, lessons, progress] = await Promise.all([
      db.modules.orderBy('sortOrder').toArray(),
      db.lessons.toArray(),
      db.progress.toArray(),
    ]);
    const completed = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonId));
    return modules.map((m) => {
      const ls = lessons.filter((l) => l.moduleId === m.id);
      return { module: m, total: ls.length, done: ls.filter((l) => completed.has(l.id)).length };
    });
  });
  if (!data) return <p role="status">…</p>;
  return (
    <div className="flex flex-col gap-3">
      <Link href="/laws" className="block">
        <Card className="hover:border-brand">
          <h2 className="text-lg font-bold">📜 {tl('title')}</h2>
          <p className="text-muted">{tl('studyCard')}</p>
        </Card>
      </Link>
      <h1 className="text-xl font-bold">{t('title')}</h1>
      {data.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
      <ul className="flex flex-col gap-3">
        {data.map(({ module, total, done }) => (
          <li key={module.id}>
            <Link href={`/study/module?id=${module.id}`} className="block">
              <Card className="hover:border-brand">
                <h2 className="text-lg font-bold">{locale === 'zh' ? module.title.zh : module.title.en}</h2>
                <p className="text-muted">{locale === 'zh' ? module.summary.zh : module.summary.en}</p>
                <p className="mt-1 text-sm">
                  {t('lessons', { count: total })} · {t('moduleProgress', { done, total })}
                </p>
                <div className="mt-2 h-2 overflow-hidden rounded-full bg-gray-200" aria-hidden="true">
                  <div className="h-full bg-ok" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
                </div>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
