'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { useCallback, useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { LawSummary } from '@/lib/laws/types';
import { LawUpload } from './law-upload';
import { RetireLaw } from './retire-law';

/** 管理 › 法规: import law texts, see what the server holds, retire one imported by mistake. Needs a connection. */
export function LawAdmin() {
  const t = useTranslations('laws');
  const errorText = useErrorText();
  const online = useOnlineStatus();
  const [laws, setLaws] = useState<LawSummary[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    api<{ laws: LawSummary[] }>('/api/laws')
      .then((d) => (setLaws(d.laws), setError(undefined)))
      .catch((e: unknown) => setError(errorText.api(e)));
  }, [errorText]);
  const refresh = useCallback(() => {
    load();
    // The offline-law sync loads only after an import or a retirement changed the laws, not with the page.
    void import('@/lib/local/laws').then((m) => m.syncOfflineLaws({ force: true })).catch(() => undefined);
  }, [load]);
  useEffect(() => {
    if (online) load();
  }, [online, load]);
  if (!online) return <EmptyState>{t('adminOnlineOnly')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('adminTitle')}</h1>
      <LawUpload onImported={refresh} />
      <Card aria-labelledby="server-laws-title">
        <h2 id="server-laws-title" className="mb-2 text-lg font-bold">
          {t('serverLaws', { count: laws?.length ?? 0 })}
        </h2>
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        <ul className="flex flex-col divide-y divide-line text-sm">
          {laws?.map((law) => (
            <li key={law.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
              <span className="font-medium">{law.title}</span>
              <span className="text-muted">
                {t(`category.${law.category}`)} · {t('versionLine', { version: law.version, count: law.articleCount })}
                {law.versionDate ? ` · ${law.versionDate}` : ''}
              </span>
              <RetireLaw law={law} onRetired={refresh} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
