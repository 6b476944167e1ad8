'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { inQueue, queuesFor, type QueueKey } from '@/lib/consult/queue';
import { useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { AdminConsultPanel } from './admin-panel';
import { ConsultCard } from './consult-card';
import { WalkInEvents } from './walk-in-events';

/**
 * The 咨询 tab, read from the phone. A villager (or 法律明白人) sees their requests and files a new one; a lawyer works
 * from the queues; an administrator also sees reopened requests, logs cases from other channels and sets retention.
 */
export function ConsultHome() {
  const t = useTranslations('consult');
  const profile = useProfile();
  const records = useLiveQuery(async () => (await localDb().consultations.orderBy('filedAt').reverse().toArray()) ?? []);
  const queues = profile ? queuesFor(profile.role) : [];
  const [queue, setQueue] = useState<QueueKey | null>(null);
  if (!profile || !records) return <p role="status">{t('loading')}</p>;
  const now = new Date().toISOString();
  const active = queue ?? queues[0] ?? null;
  const staff = profile.role === 'admin' || profile.role === 'lawyer';
  const shown = active
    ? records.filter((c) => inQueue(c, active, profile, now))
    : records.filter((c) => c.mineAsRequester || c.mineAsFiler);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <div className="flex flex-wrap gap-2">
        {profile.role !== 'admin' ? (
          <Link href="/consult/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white">
            {staff ? t('fileOwn') : t('fileNew')}
          </Link>
        ) : null}
        {staff || profile.legalLiterate ? (
          <Link
            href="/consult/new?mode=case"
            className="inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-4 font-medium"
          >
            {t('logCase')}
          </Link>
        ) : null}
      </div>
      {queues.length ? (
        <div role="tablist" aria-label={t('queues')} className="flex flex-wrap gap-2">
          {queues.map((key) => {
            const count = records.filter((c) => inQueue(c, key, profile, now)).length;
            return (
              <button
                key={key}
                type="button"
                role="tab"
                aria-selected={active === key}
                onClick={() => setQueue(key)}
                className={`min-h-11 rounded-full border px-3 ${active === key ? 'border-brand bg-brand text-white' : 'border-line bg-surface'}`}
              >
                {t(`queue.${key}`, { count })}
              </button>
            );
          })}
        </div>
      ) : (
        <h2 className="text-lg font-bold">{t('mine')}</h2>
      )}
      {shown.length ? (
        <ul className="flex flex-col gap-2">
          {shown.map((c) => (
            <ConsultCard key={c.id} c={c} />
          ))}
        </ul>
      ) : (
        <EmptyState>{active ? t('queueEmpty') : t('none')}</EmptyState>
      )}
      {staff || profile.role === 'publicist' ? <WalkInEvents /> : null}
      {profile.role === 'admin' ? <AdminConsultPanel /> : null}
      <Card>
        <h2 className="font-bold">{t('privacyTitle')}</h2>
        <p className="text-sm text-muted">{t('privacyShort')}</p>
      </Card>
    </div>
  );
}
