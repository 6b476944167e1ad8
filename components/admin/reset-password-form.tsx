'use client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ApiError, api } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { fieldErrors } from '@/lib/validations/field-errors';

export interface ResetPasswordFormProps {
  user: { id: string; name: string };
  onDone: () => void;
  onCancel: () => void;
}

/** A temporary password for someone who forgot theirs: their sessions end, and they must replace it when they sign in. */
export function ResetPasswordForm({ user, onDone, onCancel }: ResetPasswordFormProps) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { passwordSchema } = await import('@/lib/validations/user'); // zod loads on submit, not with the page
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) return setError(errorText.field(Object.values(fieldErrors(parsed.error))[0] ?? ''));
    setBusy(true);
    try {
      await api(`/api/users/${user.id}`, { method: 'PATCH', body: { password: parsed.data } });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.fields.password ? errorText.field(e.fields.password) : errorText.api(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex w-full flex-col gap-2">
      <Field label={t('resetPasswordFor', { name: user.name })} error={error} hint={t('resetPasswordHint')}>
        <TextInput
          name="temporary-password"
          type="text"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <span className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {t('resetPasswordSave')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </span>
    </form>
  );
}
