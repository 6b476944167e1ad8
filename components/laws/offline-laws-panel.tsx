'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { isQuotaError } from '@/lib/local/errors';
import { chooseLaw, syncOfflineLaws } from '@/lib/local/laws';
import { formatBytes } from './format';
import { useLawLibrary } from './use-law-library';

/** 离线法规: which laws this phone keeps (those the lessons cite by default), and the space their text takes. */
export function OfflineLawsPanel() {
  const t = useTranslations('laws');
  const online = useOnlineStatus();
  const library = useLawLibrary();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function update(change?: { law: string; keep: boolean }) {
    setBusy(true);
    setMessage(undefined);
    try {
      if (change) await chooseLaw(change.law, change.keep);
      if (navigator.onLine) await syncOfflineLaws({ force: !change });
    } catch (error) {
      setMessage(
        isQuotaError(error) ? t('quotaError') : t('downloadFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  }

  if (!library) return <p role="status">{t('loading')}</p>;
  const held = library.entries.filter((l) => l.held);
  const used = held.reduce((n, l) => n + l.textBytes, 0);
  return (
    <Card aria-labelledby="offline-laws-title" className="flex flex-col gap-3">
      <h2 id="offline-laws-title" className="text-lg font-bold">
        {t('offlineTitle')}
      </h2>
      <p>{t('spaceUsed', { laws: held.length, size: formatBytes(used) })}</p>
      <p className="text-sm text-muted">{t('offlineHelp')}</p>
      {library.entries.length === 0 ? <p className="text-muted">{online ? t('empty') : t('offlineHint')}</p> : null}
      <ul className="flex flex-col divide-y divide-line">
        {library.entries.map((law) => (
          <li key={law.shortTitle}>
            <label className="flex min-h-11 items-center gap-3 py-2">
              <input
                type="checkbox"
                className="size-5 shrink-0"
                checked={law.kept}
                disabled={busy}
                onChange={(e) => void update({ law: law.shortTitle, keep: e.target.checked })}
              />
              <span className="flex flex-1 flex-col">
                <span className="font-medium">{law.shortTitle}</span>
                <span className="text-sm text-muted">
                  {formatBytes(law.textBytes)} · {law.held ? t('onPhone') : law.kept ? t('waiting') : t('notOnPhone')}
                  {law.cited ? ` · ${t('citedByLessons')}` : ''}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <Button variant="secondary" disabled={busy || !online} onClick={() => void update()}>
        {busy ? t('downloading') : t('updateNow')}
      </Button>
      {!online ? <p className="text-sm text-muted">{t('offlineHint')}</p> : null}
      {(message ?? library.error) ? (
        <p role="alert" className="text-red-800">
          {message ?? t('downloadFailed', { message: library.error ?? '' })}
        </p>
      ) : null}
    </Card>
  );
}
