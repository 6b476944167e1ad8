'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { useElderMode } from '@/hooks/use-elder-mode';
import { usePendingCount, useSyncState } from '@/hooks/use-sync-state';
import { Link } from '@/lib/i18n/navigation';
import { CheckIcon } from '@/components/ui/icons';

/**
 * The app bar, one row of fixed height (h-14, which grows with 长者版's larger rem) so sticky bars below it, such as
 * the exam countdown, can sit at top-14: the app's name, online and sync state, and the 长者版 switch. The language
 * switch lives under 我的, away from a mis-tap.
 */
export function Header() {
  const t = useTranslations('header');
  const online = useOnlineStatus();
  const pending = usePendingCount();
  const sync = useSyncState();
  const [elder, setElder] = useElderMode();

  // Until the outbox has been read the state is unknown: saying 已全部同步 then would tell a person whose actions
  // still wait that they may close the app.
  const syncText = sync.needsSignIn
    ? t('signInAgain')
    : pending === undefined
      ? '\u00a0'
      : pending
        ? t('pending', { count: pending })
        : sync.status === 'pushing' || sync.status === 'pulling'
          ? t('syncing')
          : sync.status === 'error'
            ? t('syncError')
            : t('synced');

  return (
    <header className="sticky top-0 z-40 h-14 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-full max-w-3xl items-center gap-2 px-3">
        <Link href="/" className="inline-flex min-h-11 shrink-0 items-center text-lg font-bold text-brand">
          普法学堂
        </Link>
        <div className="flex min-w-0 flex-1 flex-col items-start text-xs leading-tight">
          <span data-testid="online-status" className={`rounded-full px-1.5 ${online ? 'bg-green-100 text-ok' : 'bg-amber-100 text-warn'}`}>
            {online ? t('online') : t('offline')}
          </span>
          <p
            data-testid="sync-status"
            aria-live="polite"
            className={`max-w-full truncate ${pending || sync.needsSignIn ? 'text-warn' : 'text-muted'}`}
          >
            {sync.needsSignIn ? (
              <Link href="/login" className="underline">
                {syncText}
              </Link>
            ) : (
              syncText
            )}
          </p>
        </div>
        <button
          type="button"
          aria-pressed={elder}
          onClick={() => setElder(!elder)}
          title={elder ? t('elderOn') : t('elderOff')}
          className={`inline-flex min-h-11 shrink-0 items-center gap-1 rounded-lg border-2 px-2 text-sm font-medium ${
            elder ? 'border-brand bg-brand text-white' : 'border-line bg-surface text-ink'
          }`}
        >
          {elder ? <CheckIcon width="1em" height="1em" /> : null}
          {t('elder')}
        </button>
      </div>
    </header>
  );
}
