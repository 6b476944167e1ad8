'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useProfile } from '@/hooks/use-profile';
import { ApiError, api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { useRouter } from '@/lib/i18n/navigation';
import { localDb } from '@/lib/local/db';
import { refreshProfile, signOut } from '@/lib/local/session';
import { signedIn } from '@/lib/sync/engine';
import { fieldErrors } from '@/lib/validations/field-errors';

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
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (profile === null) router.replace('/login');
    else if (profile && !profile.mustChangePassword) router.replace('/');
  }, [profile, router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const { changePasswordSchema } = await import('@/lib/validations/user'); // zod loads on submit, not with the page
    const parsed = changePasswordSchema.safeParse({ currentPassword: current, newPassword: next });
    const found = parsed.success ? {} : errorText.fields(fieldErrors(parsed.error));
    if (next !== again) found.again = t('passwordsDiffer');
    setErrors(found);
    if (!parsed.success || next !== again) return;
    if (!navigator.onLine) return setMessage(t('offline'));
    setBusy(true);
    try {
      await api('/api/me/password', { method: 'POST', body: parsed.data });
      await refreshProfile();
      signedIn();
      router.replace('/');
    } catch (error) {
      if (error instanceof ApiError) setErrors(errorText.fields(error.fields));
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
      <Field label={t('temporaryPassword')} error={errors.currentPassword}>
        <TextInput
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <Field label={t('newPassword')} error={errors.newPassword} hint={t('passwordHint')}>
        <TextInput name="new-password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label={t('confirmPassword')} error={errors.again}>
        <TextInput
          name="new-password-again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </Field>
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
