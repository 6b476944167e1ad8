'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, type ReactNode } from 'react';
import { useProfile } from '@/hooks/use-profile';
import { useRouter } from '@/lib/i18n/navigation';
import { signedIn } from '@/lib/sync/engine';
import { Header } from './header';
import { TabBar } from './tab-bar';

/**
 * The signed-in frame: header, content, tabs. It opens from the profile kept on the phone, so it works offline;
 * online it refreshes the profile, and a person who never signed in on this phone is sent to the login page, one
 * whose password an administrator reset to the change-password page.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const profile = useProfile();
  const router = useRouter();
  const t = useTranslations('common');

  const mustChangePassword = Boolean(profile?.mustChangePassword);
  useEffect(() => {
    // Back to the page that was opened (a scanned check-in link) once signed in.
    if (profile === null)
      router.replace(`/login?next=${encodeURIComponent(location.pathname.replace(/^\/(zh|en)(?=\/|$)/, '') + location.search)}`);
    // An administrator reset the password: nothing opens until the person has chosen their own (the server agrees).
    else if (mustChangePassword) router.replace('/change-password');
  }, [profile, mustChangePassword, router]);

  useEffect(() => {
    if (!profile || !navigator.onLine) return;
    // After paint and only online, so the session code loads lazily. A 401 needs nothing here: the sync loop shows
    // "sign in again"; a network error simply leaves the kept profile in place.
    import('@/lib/local/session')
      .then(({ refreshProfile }) => refreshProfile())
      .then(() => signedIn())
      .catch(() => undefined);
    // Once per person per app start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile?.id]);

  if (!profile || mustChangePassword) {
    return (
      <p className="p-6 text-center text-muted" role="status">
        {t('loading')}
      </p>
    );
  }
  return (
    <>
      <Header />
      <main className="mx-auto max-w-3xl px-3 pt-3 pb-24">{children}</main>
      <TabBar role={profile.role} legalLiterate={profile.legalLiterate} />
    </>
  );
}
