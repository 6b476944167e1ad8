'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useProfile } from '@/hooks/use-profile';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { AccountForms } from './account-forms';

/** 我的: who I am, my study history, and signing out (refused while actions wait to sync). */
export function ProfilePanel() {
  const t = useTranslations('me');
  const tr = useTranslations('roles');
  const locale = useLocale();
  const router = useRouter();
  const profile = useProfile();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const history = useLiveQuery(async () => {
    const db = localDb();
    const progress = await db.progress.toArray();
    const lessons = new Map(
      (await db.lessons.bulkGet(progress.map((p) => p.lessonId))).filter((l) => l !== undefined).map((l) => [l.id, l]),
    );
    return progress
      .map((p) => ({ ...p, lesson: lessons.get(p.lessonId) }))
      .sort((a, b) => (b.completedAt ?? b.openedAt ?? '').localeCompare(a.completedAt ?? a.openedAt ?? ''));
  });
  const pending = useLiveQuery(() => localDb().outbox.where('status').equals('pending').count());
  if (!profile) return null;
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });

  async function logout() {
    setError(undefined);
    if (!navigator.onLine) return setError(t('logoutOffline'));
    if (pending) return setError(t('pendingWarn', { count: pending }));
    setBusy(true);
    try {
      // The sign-out code (which clears every personal table) loads only when used: it is not in the page's first load.
      await (await import('@/lib/local/session')).signOut();
      router.replace('/login');
    } catch (e) {
      setError(String(e));
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <h1 className="text-xl font-bold">{profile.name}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted">{t('role')}</dt>
          <dd>{tr(profile.role)}</dd>
          <dt className="text-muted">{t('org')}</dt>
          <dd>{profile.orgUnitName ?? '—'}</dd>
          <dt className="text-muted">{t('phone')}</dt>
          <dd>{profile.phone}</dd>
        </dl>
      </Card>
      <AccountForms name={profile.name} />
      <Card aria-labelledby="history-title">
        <h2 id="history-title" className="text-lg font-bold">
          {t('history')}
        </h2>
        {history && history.length === 0 ? <p className="text-muted">{t('noHistory')}</p> : null}
        <ul className="mt-2 flex flex-col">
          {history?.map((h) => (
            <li key={h.lessonId} className="border-t border-line py-2 first:border-t-0">
              <Link href={`/study/lesson?id=${h.lessonId}`} className="font-medium underline-offset-2 hover:underline">
                {h.lesson ? (locale === 'zh' ? h.lesson.title : h.lesson.titleEn) : h.lessonId}
              </Link>
              <p className="text-sm text-muted">
                {h.completedAt
                  ? t('completedOn', { time: when(h.completedAt) })
                  : h.openedAt
                    ? t('openedOn', { time: when(h.openedAt) })
                    : ''}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      {error ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-warn">
          {error}
        </p>
      ) : null}
      <Button variant="danger" onClick={() => void logout()} disabled={busy}>
        {busy ? t('loggingOut') : t('logout')}
      </Button>
    </div>
  );
}
