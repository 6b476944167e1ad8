/** An 11-digit mainland China mobile number: the username of every account. Shared by zod schemas and light forms. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function isPhone(value: string): boolean {
  return PHONE_PATTERN.test(value.trim());
}
