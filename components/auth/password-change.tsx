'use client';
import { useState } from 'react';
import { Field, TextInput } from '@/components/ui/field';
import { ApiError } from '@/lib/api-client';
import { useTranslations } from '@/lib/i18n/client';
import { useErrorText } from '@/lib/i18n/errors';
import { fieldErrors } from '@/lib/validations/field-errors';

/** What a person types to change their own password, checked by the same rules the server applies. */
export interface PasswordChange {
  current: string;
  next: string;
  again: string;
  setCurrent: (value: string) => void;
  setNext: (value: string) => void;
  setAgain: (value: string) => void;
  /** Messages by field, already in the person's language. */
  errors: Record<string, string>;
  /** The body for POST /api/me/password, or undefined when a field is wrong (its message is then shown). */
  check: () => Promise<{ currentPassword: string; newPassword: string } | undefined>;
  /** Shows the fields the server named in a refusal. */
  refused: (error: unknown) => void;
  clear: () => void;
}

export function usePasswordChange(): PasswordChange {
  const t = useTranslations('account');
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  return {
    current,
    next,
    again,
    setCurrent,
    setNext,
    setAgain,
    errors,
    async check() {
      const { changePasswordSchema } = await import('@/lib/validations/user'); // zod loads on submit, not with the page
      const parsed = changePasswordSchema.safeParse({ currentPassword: current, newPassword: next });
      const found = parsed.success ? {} : errorText.fields(fieldErrors(parsed.error));
      if (next !== again) found.again = t('passwordsDiffer');
      setErrors(found);
      return parsed.success && next === again ? parsed.data : undefined;
    },
    refused(error) {
      setErrors(error instanceof ApiError ? errorText.fields(error.fields) : {});
    },
    clear() {
      setCurrent('');
      setNext('');
      setAgain('');
      setErrors({});
    },
  };
}

/** The current password (or the one the administrator gave), and the new one twice. */
export function PasswordChangeFields({ state, currentLabel }: { state: PasswordChange; currentLabel: string }) {
  const t = useTranslations('account');
  return (
    <>
      <Field label={currentLabel} error={state.errors.currentPassword}>
        <TextInput
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={state.current}
          onChange={(e) => state.setCurrent(e.target.value)}
        />
      </Field>
      <Field label={t('newPassword')} error={state.errors.newPassword} hint={t('passwordHint')}>
        <TextInput
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={state.next}
          onChange={(e) => state.setNext(e.target.value)}
        />
      </Field>
      <Field label={t('confirmPassword')} error={state.errors.again}>
        <TextInput
          name="new-password-again"
          type="password"
          autoComplete="new-password"
          value={state.again}
          onChange={(e) => state.setAgain(e.target.value)}
        />
      </Field>
    </>
  );
}
