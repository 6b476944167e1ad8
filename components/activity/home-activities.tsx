'use client';
import { Card } from '@/components/ui/card';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { formatWhen } from '@/lib/activity/format';

/** 首页 for people who log activities: what they logged lately, and what still waits to sync. */
export function HomeActivities() {
  const t = useTranslations('activity.home');
  const ta = useTranslations('activity');
  const locale = useLocale();
  const profile = useProfile();
  const data = useLiveQuery(async () => {
    if (!profile) return null;
    const db = localDb();
    const [mine, outbox] = await Promise.all([db.activities.where('hostId').equals(profile.id).toArray(), db.outbox.toArray()]);
    const waiting = new Set(outbox.filter((op) => op.type === 'activity.save').map((op) => (op.payload as { id: string }).id));
    const recent = mine.sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 5);
    return { recent, waiting };
  }, [profile?.id]);
  if (!profile || !data) return null;
  return (
    <Card>
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-bold">{t('title')}</h2>
        <Link href="/activity/new" className="underline">
          {t('new')}
        </Link>
      </div>
      {data.recent.length ? (
        <ul className="mt-2">
          {data.recent.map((a) => (
            <li key={a.id} className="border-t border-line py-2 first:border-t-0">
              <Link href={`/activity/view?id=${a.id}`} className="font-medium underline-offset-2 hover:underline">
                {a.title}
              </Link>
              <span className="block text-sm text-muted">
                {formatWhen(a.startsAt, locale)} · {ta(`kinds.${a.kind}`)}
                {data.waiting.has(a.id) ? ` · ${ta('unsynced')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-muted">{t('empty')}</p>
      )}
    </Card>
  );
}
