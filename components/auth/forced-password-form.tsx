'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { PasswordChangeFields, usePasswordChange } from '@/components/auth/password-change';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { useRouter } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { refreshProfile, signOut } from '@/lib/local/session';
import { signedIn } from '@/lib/sync/engine';

/**
 * The password the administrator gave, and a new one twice. The server checks the same rules as 我的 → 账号, lifts the
 * demand and ends every other session; then the app opens at home. Signing out instead is refused while this
 * person's actions still wait on the phone (they would be lost).
 */
export function ForcedPasswordForm() {
  const t = useTranslations('account');
  const tm = useTranslations('me');
  const router = useRouter();
  const profile = useProfile();
  const pending = useLiveQuery(() => localDb().outbox.where('status').equals('pending').count());
  const errorText = useErrorText();
  const password = usePasswordChange();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (profile === null) router.replace('/login');
    else if (profile && !profile.mustChangePassword) router.replace('/');
  }, [profile, router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const body = await password.check();
    if (!body) return;
    if (!navigator.onLine) return setMessage(t('offline'));
    setBusy(true);
    try {
      await api('/api/me/password', { method: 'POST', body });
      await refreshProfile();
      signedIn();
      router.replace('/');
    } catch (error) {
      password.refused(error);
      setMessage(errorText.api(error));
      setBusy(false);
    }
  }

  async function leave() {
    setMessage(undefined);
    if (!navigator.onLine) return setMessage(tm('logoutOffline'));
    if (pending) return setMessage(tm('pendingWarn', { count: pending }));
    setBusy(true);
    try {
      await signOut();
      router.replace('/login');
    } catch {
      setMessage(errorText.api(undefined));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PasswordChangeFields state={password} currentLabel={t('temporaryPassword')} />
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {message}
        </p>
      ) : null}
      <Button type="submit" disabled={busy || !profile}>
        {t('saveForced')}
      </Button>
      <Button variant="ghost" onClick={() => void leave()} disabled={busy}>
        {t('signOut')}
      </Button>
    </form>
  );
}
