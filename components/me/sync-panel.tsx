'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useSyncState } from '@/hooks/use-sync-state';
import { getSetting, localDb } from '@/lib/local/db';
import { syncNow } from '@/lib/sync/engine';

/** Sync status, and every op the server rejected, each with its reason: retry it or discard it (confirmed). */
export function SyncPanel() {
  const t = useTranslations('me');
  const tops = useTranslations('ops');
  const locale = useLocale();
  const errorText = useErrorText();
  const sync = useSyncState();
  const data = useLiveQuery(async () => {
    const db = localDb();
    return {
      rejected: await db.outbox.where('status').equals('rejected').sortBy('seq'),
      pending: await db.outbox.where('status').equals('pending').count(),
      lastSyncAt: await getSetting<string>(db, 'lastSyncAt'),
    };
  });
  // Catalogue keys can't hold dots (they mean nesting), so op type study.open is found under ops.study_open.
  const label = (type: string, lesson: string) => {
    const key = type.replace('.', '_') as 'study_open';
    return tops.has(key) ? tops(key, { lesson }) : `${type}: ${lesson}`;
  };
  return (
    <Card aria-labelledby="sync-title">
      <h2 id="sync-title" className="text-lg font-bold">
        {t('syncTitle')}
      </h2>
      <p className="text-sm text-muted">
        {data?.lastSyncAt
          ? t('lastSync', { time: new Date(data.lastSyncAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en') })
          : t('never')}
      </p>
      {data?.pending ? <p className="text-sm text-warn">{t('pendingWarn', { count: data.pending })}</p> : null}
      <Button
        variant="secondary"
        className="mt-2"
        disabled={sync.status === 'pushing' || sync.status === 'pulling'}
        onClick={() => void syncNow()}
      >
        {t('syncNow')}
      </Button>
      <h3 className="mt-4 font-bold">{t('rejectedTitle')}</h3>
      {!data?.rejected.length ? (
        <p className="text-sm text-muted">{t('rejectedNone')}</p>
      ) : (
        <ul data-testid="rejected-ops" className="mt-2 flex flex-col gap-2">
          {data.rejected.map((op) => (
            <li key={op.id} className="rounded-lg border border-red-200 bg-red-50 p-3">
              <p className="font-medium">{label(op.type, op.label)}</p>
              <p className="text-sm text-red-800">{t('reason', { reason: errorText.reason(op) })}</p>
              <div className="mt-2 flex gap-2">
                <Button
                  variant="secondary"
                  onClick={() => void import('@/lib/local/outbox').then((m) => m.retryOp(localDb(), op.id)).then(() => syncNow())}
                >
                  {t('retry')}
                </Button>
                <Button
                  variant="danger"
                  onClick={() =>
                    window.confirm(t('discardConfirm')) && void import('@/lib/local/outbox').then((m) => m.discardOp(localDb(), op.id))
                  }
                >
                  {t('discard')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
