'use client';
import { useErrorText } from '@/lib/i18n/errors';
import { useTranslations } from '@/lib/i18n/client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { fieldErrors } from '@/lib/validations/field-errors';
import { api, ApiError } from '@/lib/api-client';
import { ROLES, type Role } from '@/lib/roles';
import { OrgSelect, type OrgOption } from './org-select';

/** Creates an account; checks the same rules as the server before sending and shows each field's error. */
export function CreateUserForm({ units, onCreated }: { units: OrgOption[]; onCreated: () => void }) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const tr = useTranslations('roles');
  const [form, setForm] = useState({
    name: '',
    phone: '',
    password: '',
    role: 'villager' as Role,
    orgUnitId: '',
    legalLiterate: false,
    legalLiterateSince: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const input = { ...form, legalLiterateSince: form.legalLiterate ? form.legalLiterateSince || null : null };
    // The shared rules (zod) load on the first submit, not with the page (its first-load budget).
    const { createUserSchema } = await import('@/lib/validations/user');
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) {
      return setErrors(errorText.fields(fieldErrors(parsed.error)));
    }
    setErrors({});
    setBusy(true);
    try {
      await api('/api/users', { method: 'POST', body: parsed.data });
      setMessage(t('created', { name: form.name }));
      setForm({ ...form, name: '', phone: '', password: '' });
      onCreated();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(errorText.fields(error.fields));
        setMessage(errorText.api(error));
      } else setMessage(errorText.api(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
      <Field label={t('name')} error={errors.name}>
        <TextInput name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t('phone')} error={errors.phone}>
        <TextInput
          name="phone"
          type="tel"
          inputMode="numeric"
          maxLength={11}
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
      </Field>
      <Field label={t('password')} error={errors.password} hint={t('passwordHint')}>
        <TextInput
          name="password"
          type="text"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
      </Field>
      <Field label={t('role')} error={errors.role}>
        <Select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('orgUnit')} error={errors.orgUnitId}>
        <OrgSelect name="orgUnitId" units={units} value={form.orgUnitId} onChange={(v) => setForm({ ...form, orgUnitId: String(v) })} />
      </Field>
      {form.role === 'villager' ? (
        <div className="flex flex-col gap-2">
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              checked={form.legalLiterate}
              onChange={(e) => setForm({ ...form, legalLiterate: e.target.checked })}
              className="h-5 w-5"
            />
            {t('legalLiterate')}
          </label>
          {form.legalLiterate ? (
            <Field label={t('legalLiterateSince')} error={errors.legalLiterateSince ?? errors.legalLiterate}>
              <TextInput
                type="date"
                value={form.legalLiterateSince}
                onChange={(e) => setForm({ ...form, legalLiterateSince: e.target.value })}
              />
            </Field>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-2 sm:col-span-2">
        {message ? (
          <p role="status" className="rounded-lg bg-gray-50 p-2">
            {message}
          </p>
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? t('creating') : t('create')}
        </Button>
      </div>
    </form>
  );
}
