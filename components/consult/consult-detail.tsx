'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { PhotoThumb } from '@/components/files/photo-thumb';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import type { ConsultRecord } from '@/lib/consult/types';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { HandlerActions } from './handler-actions';
import { RequesterActions } from './requester-actions';
import { StatusBadges } from './status-badge';
import { Thread } from './thread';

/**
 * One request, read from the phone (so a reply once pulled reads offline). Online it is refreshed from the server,
 * which is also where a lawyer's or administrator's read is written to the audit log.
 */
export function ConsultDetail() {
  const t = useTranslations('consult');
  const locale = useLocale();
  const id = useSearchParams().get('id') ?? '';
  const profile = useProfile();
  const c = useLiveQuery(async () => (await localDb().consultations.get(id)) ?? null, [id]);

  useEffect(() => {
    if (!id || !navigator.onLine) return;
    void fetch(`/api/consultations/${id}`, { credentials: 'same-origin', cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) return;
        const fresh = (await res.json()) as ConsultRecord;
        const db = localDb();
        await db.transaction('rw', db.consultations, async () => {
          const local = await db.consultations.get(id);
          if (!local?.waiting) await db.consultations.put(fresh);
        });
      })
      .catch(() => undefined);
  }, [id]);

  if (c === undefined || !profile) return <p role="status">{t('loading')}</p>;
  if (c === null)
    return (
      <EmptyState
        action={
          <Link href="/consult" className="underline">
            {t('back')}
          </Link>
        }
      >
        {t('notFound')}
      </EmptyState>
    );
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  const handler = profile.role === 'admin' || c.assigneeId === profile.id;
  const requester = c.mineAsRequester || c.mineAsFiler;

  return (
    <div className="flex flex-col gap-3">
      <Link href="/consult" className="text-brand underline">
        {t('back')}
      </Link>
      <Card>
        <h1 className="text-xl font-bold">
          {t(`category.${c.category}`)} · {c.villageName}
        </h1>
        <div className="mt-1">
          <StatusBadges c={c} />
        </div>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 break-words">
          <dt className="text-muted">{t('filedAt')}</dt>
          <dd>{when(c.filedAt)}</dd>
          <dt className="text-muted">{t('deadlineLabel')}</dt>
          <dd>{c.deadline}</dd>
          <dt className="text-muted">{t('channelLabel')}</dt>
          <dd>{t(`channel.${c.channel}`)}</dd>
          {c.full && c.requesterName ? (
            <>
              <dt className="text-muted">{t('requester')}</dt>
              <dd>{c.requesterName}</dd>
            </>
          ) : null}
          {c.full && c.filedForOther ? (
            <>
              <dt className="text-muted">{t('filedBy')}</dt>
              <dd>{t('filedForOtherBy', { name: c.filedByName })}</dd>
            </>
          ) : null}
          {c.full && c.contactPhone ? (
            <>
              <dt className="text-muted">{t('phoneLabel')}</dt>
              <dd>
                {c.contactPhone}
                {c.callBack ? ` · ${t('wantsCallBack')}` : ''}
              </dd>
            </>
          ) : null}
          <dt className="text-muted">{t('assignee')}</dt>
          <dd>{c.assigneeName ?? t('unassigned')}</dd>
          {c.referral ? (
            <>
              <dt className="text-muted">{t('referredTo')}</dt>
              <dd>{t(`referral.${c.referral}`)}</dd>
            </>
          ) : null}
          {c.rating ? (
            <>
              <dt className="text-muted">{t('ratingLabel')}</dt>
              <dd>{t(`rating.${c.rating}`)}</dd>
            </>
          ) : null}
        </dl>
        {c.full ? (
          <p className="mt-3 whitespace-pre-wrap break-words">{c.anonymised ? t('anonymised') : c.description}</p>
        ) : (
          <p className="mt-3 text-muted">{t('stubNote')}</p>
        )}
      </Card>
      {c.full && c.photoIds.length ? (
        <section aria-label={t('photosTitle')} className="flex flex-wrap gap-2">
          {c.photoIds.map((hash, i) => (
            <PhotoThumb key={hash} hash={hash} alt={t('photoAlt', { n: i + 1 })} />
          ))}
        </section>
      ) : null}
      {c.full ? <Thread messages={c.messages} /> : null}
      {!c.anonymised && (handler || (profile.role === 'lawyer' && !c.full)) ? <HandlerActions c={c} me={profile} /> : null}
      {!c.anonymised && requester && !handler ? <RequesterActions c={c} me={profile} /> : null}
    </div>
  );
}
