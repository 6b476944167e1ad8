'use client';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { useElderMode } from '@/hooks/use-elder-mode';
import { usePendingCount, useSyncState } from '@/hooks/use-sync-state';
import { Link, usePathname, useRouter } from '@/lib/i18n/navigation';

/** The app bar: online state, what waits to sync, language, and 长者版. */
export function Header() {
  const t = useTranslations('header');
  const online = useOnlineStatus();
  const pending = usePendingCount();
  const sync = useSyncState();
  const [elder, setElder] = useElderMode();
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const other = locale === 'zh' ? 'en' : 'zh';

  const syncText = sync.needsSignIn
    ? t('signInAgain')
    : pending
      ? t('pending', { count: pending })
      : sync.status === 'pushing' || sync.status === 'pulling'
        ? t('syncing')
        : sync.status === 'error'
          ? t('syncError')
          : t('synced');

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-2 px-3 py-2">
        <Link href="/" className="mr-auto text-lg font-bold text-brand">
          普法学堂
        </Link>
        <span
          data-testid="online-status"
          className={`rounded-full px-2 py-0.5 text-sm ${online ? 'bg-green-100 text-ok' : 'bg-amber-100 text-warn'}`}
        >
          {online ? t('online') : t('offline')}
        </span>
        <button
          type="button"
          aria-pressed={elder}
          onClick={() => setElder(!elder)}
          className="min-h-11 rounded-lg border border-line px-2 text-sm"
          title={elder ? t('elderOn') : t('elderOff')}
        >
          {t('elder')}
        </button>
        <a
          href={`/${other}${pathname === '/' ? '' : pathname}`}
          onClick={(e) => {
            e.preventDefault();
            router.replace(`${pathname}${window.location.search}`, { locale: other });
          }}
          hrefLang={other}
          aria-label={t('languageLabel')}
          className="inline-flex min-h-11 items-center rounded-lg border border-line px-2 text-sm"
        >
          {t('language')}
        </a>
      </div>
      <p
        data-testid="sync-status"
        aria-live="polite"
        className={`px-3 pb-1 text-center text-sm ${pending || sync.needsSignIn ? 'text-warn' : 'text-muted'}`}
      >
        {sync.needsSignIn ? (
          <Link href="/login" className="underline">
            {syncText}
          </Link>
        ) : (
          syncText
        )}
      </p>
    </header>
  );
}
