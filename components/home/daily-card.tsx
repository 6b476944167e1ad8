'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { localDb } from '@/lib/local/db';
import { DAILY_SET_SIZE, localDate } from '@/lib/quiz/daily';
import { RowLink } from './row-link';

/** 每日一练: whether today's five are done, and the way in. */
export function DailyCard() {
  const t = useTranslations('home');
  const set = useLiveQuery(async () => (await localDb().dailySets.get(localDate(new Date()))) ?? null);
  if (set === undefined) return null;
  const answered = set ? Object.keys(set.answers).length : 0;
  const total = set?.questionIds.length ?? DAILY_SET_SIZE;
  const done = set !== null && answered >= total;
  return (
    <Card aria-labelledby="daily-title">
      <h2 id="daily-title" className="text-lg font-bold">
        {t('dailyTitle')}
      </h2>
      <RowLink
        href="/quiz/daily"
        aside={
          <span className={`shrink-0 rounded-full px-2 py-0.5 text-sm ${done ? 'bg-green-100 text-ok' : 'bg-amber-100 text-warn'}`}>
            {done ? t('done') : t('todo')}
          </span>
        }
      >
        {done ? t('dailyDone') : answered ? t('dailyPartly', { answered, total }) : t('dailyStart', { total })}
      </RowLink>
    </Card>
  );
}
