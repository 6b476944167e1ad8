'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useVisibleTime } from '@/hooks/use-visible-time';
import { useSecondsVisible } from '@/hooks/use-seconds-visible';
import { COMPLETE_AFTER_SHARE } from '@/lib/constants';
import { articleLabel } from '@/lib/laws/cn-numerals';
import { articleHref } from '@/lib/laws/links';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { isQuotaError } from '@/lib/local/errors';
import { parseMarkdown, plainText } from '@/lib/markdown';
import { syncSoon } from '@/lib/sync/soon';
import { Markdown } from './markdown';
import { ReadAloud } from './read-aloud';

// The progress writer (outbox, op ids) loads with the first record, not with the page (its first-load budget).
const study = () => import('@/lib/local/study');

/** One lesson, read from the phone: text, cited articles, read-aloud, and completion, all working offline. */
export function LessonView() {
  const t = useTranslations('study');
  const tm = useTranslations('me');
  const locale = useLocale();
  const id = useSearchParams().get('id') ?? '';
  const [error, setError] = useState<string>();
  const data = useLiveQuery(async () => {
    const db = localDb();
    const lesson = await db.lessons.get(id);
    if (!lesson) return { lesson: null } as const;
    const [progress, siblings] = await Promise.all([
      db.progress.get(id),
      db.lessons.where('moduleId').equals(lesson.moduleId).sortBy('sortOrder'),
    ]);
    return { lesson, progress, next: siblings.find((l) => l.sortOrder > lesson.sortOrder) ?? null };
  }, [id]);
  const lesson = data?.lesson ?? null;
  const blocks = useMemo(() => (lesson ? parseMarkdown(lesson.body) : []), [lesson]);
  const title = lesson ? (locale === 'zh' ? lesson.title : lesson.titleEn) : '';

  // Time read on earlier visits (as stored when this visit began) plus this visit's visible seconds.
  const [earlier, setEarlier] = useState<{ id: string; seconds: number } | null>(null);
  if (data?.lesson && earlier?.id !== data.lesson.id) setEarlier({ id: data.lesson.id, seconds: data.progress?.secondsSpent ?? 0 });
  const visibleNow = useSecondsVisible(id);

  const guard = (p: Promise<void>) => p.then(syncSoon).catch((e: unknown) => setError(isQuotaError(e) ? tm('quotaError') : String(e)));

  useEffect(() => {
    if (lesson) void guard(study().then((m) => m.recordLessonOpened(lesson.id, lesson.title)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson?.id]);

  useVisibleTime((seconds) => {
    if (lesson) void guard(study().then((m) => m.recordReadingTime(lesson.id, seconds, lesson.title)));
  }, Boolean(lesson));

  if (data === undefined) return <p role="status">{t('minutes', { minutes: '…' })}</p>;
  if (!lesson) {
    return (
      <EmptyState
        action={
          <Link href="/study" className="underline">
            {t('back')}
          </Link>
        }
      >
        {t('notFound')}
      </EmptyState>
    );
  }
  const completedAt = data.progress?.completedAt;
  const needed = Math.round(lesson.minutes * 60 * COMPLETE_AFTER_SHARE);
  const left = Math.max(0, needed - (earlier?.seconds ?? 0) - visibleNow);
  return (
    <article className="flex flex-col gap-4">
      <Link href={`/study/module?id=${lesson.moduleId}`} className="inline-flex min-h-11 items-center self-start text-muted underline">
        ← {t('back')}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-muted">
          {t('minutes', { minutes: lesson.minutes })}
          {data.progress?.secondsSpent ? ` · ${t('timeSpent', { minutes: Math.max(1, Math.round(data.progress.secondsSpent / 60)) })}` : ''}
        </p>
      </header>
      <ReadAloud paragraphs={[lesson.title, ...plainText(blocks)]} />
      <Card>
        <Markdown blocks={blocks} />
      </Card>
      {lesson.cites.length > 0 ? (
        <Card aria-labelledby="cites-title">
          <h2 id="cites-title" className="font-bold">
            {t('cites')}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {lesson.cites.map((c) => (
              <li key={`${c.law}:${c.article}-${c.sub ?? 0}`}>
                <Link
                  href={articleHref(c.law, c.article, c.sub)}
                  className="inline-flex min-h-11 items-center rounded-full bg-red-50 px-3 text-sm text-brand-dark underline"
                >
                  《{c.law}》{articleLabel(c.article, c.sub)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
      {completedAt ? (
        <div className="flex flex-col gap-2 rounded-lg bg-green-50 p-3">
          <p className="text-ok" role="status">
            ✓ {t('completedAt', { time: new Date(completedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en') })}
          </p>
          <Link
            href={`/quiz/practice?module=${lesson.moduleId}`}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-brand bg-surface px-4 font-medium text-brand-dark"
          >
            {t('practiseModule')}
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <Button disabled={left > 0} onClick={() => void guard(study().then((m) => m.recordLessonCompleted(lesson.id, lesson.title)))}>
            {t('complete')}
          </Button>
          <p className="text-sm text-muted" aria-live="polite">
            {left > 0
              ? t('completeWait', { minutes: lesson.minutes, share: Math.round(COMPLETE_AFTER_SHARE * 100), left: Math.ceil(left / 60) })
              : t('completeReady')}
          </p>
        </div>
      )}
      {data.next ? (
        <Link href={`/study/lesson?id=${data.next.id}`} className="inline-flex min-h-11 items-center self-end underline">
          {t('next')}：{locale === 'zh' ? data.next.title : data.next.titleEn} →
        </Link>
      ) : null}
    </article>
  );
}
