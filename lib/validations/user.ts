import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@/lib/constants';
import { ROLES } from '@/lib/roles';
import { PHONE_PATTERN } from './phone';

export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, { message: 'validation.phone' });

/**
 * Passwords that pass the character-class rule yet top every leaked-password list, and the demo password printed
 * in the README (the seeded demo accounts use it; nobody may choose it). Compared ignoring case.
 */
const REFUSED_PASSWORDS = new Set(
  [
    'Pufa-demo-2026',
    'Password1',
    'Password1!',
    'Password123',
    'Password@123',
    'P@ssw0rd',
    'P@ssword1',
    'Passw0rd',
    'Passw0rd!',
    'Aa123456',
    'Aa123456!',
    'Aa12345678',
    'Abc12345',
    'Abc123456',
    'Abc@1234',
    'Abcd1234',
    'Admin123',
    'Admin@123',
    'Qwer1234',
    'Qwerty123',
    'Qwerty123!',
    'Woaini520',
    'Woaini1314',
    'Zxcvbnm123',
    'Asd123456',
  ].map((p) => p.toLowerCase()),
);

export function isRefusedPassword(password: string): boolean {
  return REFUSED_PASSWORDS.has(password.toLowerCase());
}

/** At least 8 characters drawn from at least three of: lower case, upper case, digits, symbols; not a common one. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'validation.passwordMin' })
  .max(128)
  .refine((p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3, {
    message: 'validation.passwordClasses',
  })
  .refine((p) => !isRefusedPassword(p), { message: 'COMMON_PASSWORD: this password is too common (or is the demo password)' });

/** Control characters and the bidirectional overrides that make a name display as something else. */
const HIDDEN_CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
/** Format characters (zero-width space, joiners, BOM…), invisible on their own. */
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/** A person's display name: 1–40 characters, no control characters, something visible. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.nameRequired' })
  .max(40, { message: 'NAME_TOO_LONG: at most 40 characters' })
  .refine((n) => !HIDDEN_CONTROL.test(n), { message: 'NAME_CONTROL: the name contains control characters' })
  .refine((n) => n.length === 0 || n.replace(INVISIBLE, '').length > 0, { message: 'NAME_INVISIBLE: the name has no visible characters' });

/** What people may change about themselves: their display name. Phone, role and unit are set by an administrator. */
export const profileSchema = z.object({ name: nameSchema }).strict();
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, {
    message: 'SAME_PASSWORD: the new password is the current one',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** What an administrator sets about a person, on the form or in an import row (server/users.ts, lib/admin/import-rows.ts). */
const userRecordFields = z.object({
  phone: phoneSchema,
  name: nameSchema,
  role: z.enum(ROLES),
  orgUnitId: z.string().min(1, { message: 'validation.orgUnitRequired' }),
  legalLiterate: z.boolean().default(false),
  legalLiterateSince: z.iso.date().nullable().default(null),
});

/** Only a villager is certified 法律明白人, and a certification has its date. */
function userRules(u: { role: string; legalLiterate: boolean; legalLiterateSince: string | null }, ctx: z.RefinementCtx): void {
  if (u.legalLiterate && u.role !== 'villager')
    ctx.addIssue({ code: 'custom', path: ['legalLiterate'], message: 'validation.legalLiterateVillagerOnly' });
  if (u.legalLiterate && u.legalLiterateSince === null)
    ctx.addIssue({ code: 'custom', path: ['legalLiterateSince'], message: 'validation.legalLiterateSince' });
}

/** One person as an import row gives them (everyone imported shares one initial password, set apart). */
export const userRecordSchema = userRecordFields.superRefine(userRules);
export type UserRecordInput = z.infer<typeof userRecordSchema>;

export const createUserSchema = userRecordFields.extend({ password: passwordSchema }).superRefine(userRules);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, { message: 'validation.nameRequired' }).max(40).optional(),
  disabled: z.boolean().optional(),
  /** An administrator's password reset: ends every session of the user. */
  password: passwordSchema.optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.string().min(1).optional(),
  legalLiterate: z.boolean().optional(),
  legalLiterateSince: z.iso.date().nullable().optional(),
  /** Retiring a 法律明白人 (legalLiterate: false) keeps the certification date and records this day (default today). */
  legalLiterateRetiredAt: z.iso.date().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.object({ phone: phoneSchema, password: z.string().min(1).max(128) });
