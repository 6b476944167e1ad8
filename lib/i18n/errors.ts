'use client';
import { ApiError } from '@/lib/api-client';
import { MAX_LAW_FILE_BYTES, MAX_LAW_FILES, PASSWORD_MIN_LENGTH } from '@/lib/constants';
import { errorCode } from '@/lib/validations/error-code';
import { useMemo } from 'react';
import { useLocale, useTranslations } from './client';

/**
 * The server's text in the reader's language when no key names it: older messages are written "中文 / English",
 * and a Chinese screen shows only the Chinese half, an English screen only the English half.
 */
export function localText(text: string, locale: string): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return locale === 'zh' ? parts[0]! : parts[1]!;
}

/** The limits a field message may name: the schemas that use them give no params of their own. */
const FIELD_PARAMS = { min: PASSWORD_MIN_LENGTH, limitMb: MAX_LAW_FILE_BYTES / 1024 / 1024, max: MAX_LAW_FILES };

/** Turns API errors and field message keys into text in the reader's language. */
export function useErrorText() {
  const t = useTranslations();
  const locale = useLocale();
  return useMemo(() => {
    const field = (keyOrText: string) => {
      if (keyOrText.startsWith('validation.') && t.has(keyOrText)) return t(keyOrText, FIELD_PARAMS);
      // Messages that start with a stable code ("COMMON_PASSWORD: …") are shown from the `errors` namespace.
      const code = errorCode(keyOrText);
      if (code && t.has(`errors.${code}`)) return t(`errors.${code}`, FIELD_PARAMS);
      return localText(keyOrText, locale);
    };
    return {
      field,
      fields: (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v)])),
      /** A refusal kept on the phone (a rejected op, a refused photo): its code if the catalogue has it, else its text. */
      reason: (refusal: { reason?: string; code?: string; params?: Record<string, string | number> } | null | undefined): string => {
        if (refusal?.code && t.has(`errors.${refusal.code}`)) return t(`errors.${refusal.code}`, refusal.params);
        return localText(refusal?.reason ?? '', locale);
      },
      api: (error: unknown): string => {
        if (!(error instanceof ApiError)) return t('errors.NETWORK');
        if (error.code && t.has(`errors.${error.code}`)) return t(`errors.${error.code}`, error.params);
        return localText(error.message, locale);
      },
    };
  }, [t, locale]);
}
