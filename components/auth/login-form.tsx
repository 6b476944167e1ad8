'use client';
import { useLocale, useTranslations } from '@/lib/i18n/client';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { useRouter } from '@/lib/i18n/navigation';
import { PendingForOtherUser, refreshProfile } from '@/lib/local/session';
import { signedIn } from '@/lib/sync/engine';
import { isPhone } from '@/lib/validations/phone';

/** Phone number and password; explains a wrong password (which may also be an unknown or disabled account) and a lock. */
export function LoginForm() {
  const t = useTranslations('login');
  const locale = useLocale();
  const router = useRouter();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  // The demo password is shown only when this server runs the demo township.
  const [demoPassword, setDemoPassword] = useState<string>();
  useEffect(() => {
    void fetch('/api/demo', { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ demo: boolean; password?: string }>)
      .then((d) => setDemoPassword(d.demo ? d.password : undefined))
      .catch(() => undefined);
  }, []);
  const [phoneError, setPhoneError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!isPhone(phone)) return setPhoneError(t('invalidPhone'));
    setPhoneError(undefined);
    if (!navigator.onLine) return setError(t('offline'));
    setBusy(true);
    try {
      const response = await fetch('/api/auth/sign-in/username', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ username: phone.trim(), password }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string; until?: string };
        const message = body.message ?? '';
        if (body.code === 'LOGIN_LOCKED' && body.until) {
          const until = new Date(body.until);
          setError(
            t('locked', { time: until.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }) }),
          );
        } else if (response.status === 401) setError(t('wrong'));
        else if (response.status === 429) setError(t('tooMany'));
        else setError(t('failed', { message: message || response.statusText }));
        return;
      }
      const profile = await refreshProfile();
      if (profile.mustChangePassword) return router.replace('/change-password');
      signedIn();
      // Only a path inside the app (never another site) after a scanned link sent the person here.
      const next = new URLSearchParams(location.search).get('next');
      router.replace(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (e) {
      if (e instanceof PendingForOtherUser) {
        // Sign the newcomer out again: the waiting actions belong to someone else and must not be lost or misattributed.
        await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(
          () => undefined,
        );
        setError(t('otherUserPending', { name: e.owner, count: e.count }));
      } else setError(t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label={t('phone')} error={phoneError}>
        <TextInput
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
        />
      </Field>
      <Field label={t('password')}>
        <TextInput
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </Field>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? t('submitting') : t('submit')}
      </Button>
      {demoPassword ? <p className="text-sm text-muted">{t('demoHint', { password: demoPassword })}</p> : null}
    </form>
  );
}
