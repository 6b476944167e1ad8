'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { localDb } from '@/lib/local/db';
import { RowLink } from './row-link';

/** Continue where I stopped: the lesson opened most recently and not yet completed. */
export function ContinueCard() {
  const t = useTranslations('home');
  const locale = useLocale();
  const lesson = useLiveQuery(async () => {
    const db = localDb();
    const open = (await db.progress.toArray()).filter((p) => p.openedAt && !p.completedAt);
    open.sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
    return open[0] ? ((await db.lessons.get(open[0].lessonId)) ?? null) : null;
  });
  if (!lesson) return null;
  return (
    <Card aria-labelledby="continue-title">
      <h2 id="continue-title" className="text-lg font-bold">
        {t('continueTitle')}
      </h2>
      <RowLink href={`/study/lesson?id=${lesson.id}`}>{locale === 'zh' ? lesson.title : lesson.titleEn}</RowLink>
    </Card>
  );
}
