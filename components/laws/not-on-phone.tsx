'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { Link } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { isQuotaError } from '@/lib/local/errors';
import { chooseLaw, syncOfflineLaws } from '@/lib/local/laws';

/** A law the phone does not hold: offline, say so; online, offer to keep it on the phone. */
export function NotOnPhone({ law }: { law: string }) {
  const t = useTranslations('laws');
  const online = useOnlineStatus();
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  async function download() {
    setState('busy');
    try {
      await chooseLaw(law, true);
      await syncOfflineLaws({ force: true });
      setState((await localDb().laws.get(law)) ? 'idle' : t('notOnServer', { law }));
    } catch (error) {
      setState(
        isQuotaError(error) ? t('quotaError') : t('downloadFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  }
  return (
    <EmptyState
      action={
        <div className="flex flex-col items-center gap-2">
          {online ? (
            <Button onClick={() => void download()} disabled={state === 'busy'}>
              {state === 'busy' ? t('downloading') : t('download')}
            </Button>
          ) : null}
          {state !== 'idle' && state !== 'busy' ? (
            <p role="alert" className="text-red-800">
              {state}
            </p>
          ) : null}
          <Link href="/laws" className="inline-flex min-h-11 items-center underline">
            {t('title')}
          </Link>
        </div>
      }
    >
      {law ? t('notOnPhoneLong', { law }) : t('noLaw')}
      {online ? '' : ` ${t('offlineHint')}`}
    </EmptyState>
  );
}
