'use client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';
import { PasswordChangeFields, usePasswordChange } from '@/components/auth/password-change';
import { ApiError, api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { fieldErrors } from '@/lib/validations/field-errors';
import { useErrorText } from '@/lib/i18n/errors';

/** The shared rules (zod) load when a form is first sent, not with the page (its first-load budget). */
const loadUserSchemas = () => import('@/lib/validations/user');

/** 我的 → 账号: change my display name, and my password (which signs me out everywhere else). Online only. */
export function AccountForms({ name }: { name: string }) {
  const t = useTranslations('account');
  const te = useTranslations('errors');
  const [newName, setNewName] = useState(name);
  const password = usePasswordChange();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const say = (text: string | undefined) => (text === undefined ? undefined : errorText.field(text));

  async function send(path: string, method: string, body: unknown, done: string, refused?: (error: unknown) => void) {
    setBusy(true);
    setMessage(undefined);
    try {
      await api(path, { method, body });
      setErrors({});
      setMessage(done);
      return true;
    } catch (error) {
      refused?.(error);
      if (error instanceof ApiError) {
        if (!refused) setErrors(error.fields);
        setMessage(error.code && te.has(error.code) ? te(error.code) : error.message);
      } else setMessage(t('offline'));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function saveName(event: FormEvent) {
    event.preventDefault();
    const { profileSchema } = await loadUserSchemas();
    const parsed = profileSchema.safeParse({ name: newName });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (await send('/api/me', 'PATCH', parsed.data, t('nameSaved')))
      await import('@/lib/local/session').then((m) => m.refreshProfile()).catch(() => undefined);
  }

  async function savePassword(event: FormEvent) {
    event.preventDefault();
    const body = await password.check();
    if (!body) return;
    if (await send('/api/me/password', 'POST', body, t('passwordSaved'), password.refused)) password.clear();
  }

  return (
    <Card aria-labelledby="account-title">
      <h2 id="account-title" className="mb-3 text-lg font-bold">
        {t('title')}
      </h2>
      <form onSubmit={saveName} noValidate className="flex flex-col gap-3">
        <Field label={t('name')} error={say(errors.name)}>
          <TextInput name="name" autoComplete="name" maxLength={40} value={newName} onChange={(e) => setNewName(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('saveName')}
        </Button>
      </form>
      <form onSubmit={savePassword} noValidate className="mt-4 flex flex-col gap-3">
        <PasswordChangeFields state={password} currentLabel={t('currentPassword')} />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('savePassword')}
        </Button>
      </form>
      {message ? (
        <p role="status" className="mt-3 text-sm">
          {message}
        </p>
      ) : null}
    </Card>
  );
}
