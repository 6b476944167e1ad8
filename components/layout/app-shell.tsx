'use client';
import { useTranslations } from 'next-intl';
import { useEffect, type ReactNode } from 'react';
import { useProfile } from '@/hooks/use-profile';
import { useRouter } from '@/lib/i18n/navigation';
import { ProfileFetchError, refreshProfile } from '@/lib/local/session';
import { signedIn } from '@/lib/sync/engine';
import { Header } from './header';
import { TabBar } from './tab-bar';

/**
 * The signed-in frame: header, content, tabs. It opens from the profile kept on the phone, so it works offline;
 * online it refreshes the profile, and a person who never signed in on this phone is sent to the login page.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const profile = useProfile();
  const router = useRouter();
  const t = useTranslations('common');

  useEffect(() => {
    if (profile === null) router.replace('/login');
  }, [profile, router]);

  useEffect(() => {
    if (!profile || !navigator.onLine) return;
    refreshProfile()
      .then(() => signedIn())
      .catch((error: unknown) => {
        if (error instanceof ProfileFetchError && error.status === 401) return; // the sync loop shows "sign in again"
      });
    // Once per person per app start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile?.id]);

  if (!profile) {
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
      <TabBar role={profile.role} />
    </>
  );
}
