'use client';
import { Card } from '@/components/ui/card';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';

/**
 * 法律咨询服务 events on the phone, each with how many walk-ins were recorded and a link to record the next one
 * (offline too). The events themselves are logged under 活动.
 */
export function WalkInEvents() {
  const t = useTranslations('consult');
  const locale = useLocale();
  const events = useLiveQuery(async () => {
    const db = localDb();
    const list = (await db.activities.where('kind').equals('consultation').toArray())
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .slice(0, 5);
    const walkIns = await db.consultations.where('status').equals('resolved').toArray();
    return list.map((a) => ({ ...a, walkIns: walkIns.filter((c) => c.channel === 'walk-in' && c.activityId === a.id).length }));
  });
  if (!events) return null;
  return (
    <Card>
      <h2 className="font-bold">{t('walkInEvents')}</h2>
      {events.length ? (
        <ul className="mt-2 flex flex-col gap-2">
          {events.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 break-words">
                {a.title} · {new Date(a.startsAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en')} ·{' '}
                {t('walkInCount', { count: a.walkIns })}
              </span>
              <Link
                href={`/consult/new?mode=walkin&activity=${a.id}`}
                className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-medium"
                aria-label={`${t('walkInRecord')}：${a.title}`}
              >
                {t('walkInRecord')}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-muted">{t('walkInNone')}</p>
      )}
    </Card>
  );
}
