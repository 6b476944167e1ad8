/**
 * Server and schema messages that start with a stable code ("COMMON_PASSWORD: …") are shown in the reader's
 * language from the `errors` namespace of locales/*.json; anything else is shown as it came.
 */
export function errorCode(message: string | undefined): string | undefined {
  return /^([A-Z][A-Z_]+)(?::|$)/.exec(message ?? '')?.[1];
}

export function localizeError(message: string | undefined, t: { (key: string): string; has(key: string): boolean }): string | undefined {
  if (message === undefined) return undefined;
  const code = errorCode(message);
  return code && t.has(code) ? t(code) : message;
}
