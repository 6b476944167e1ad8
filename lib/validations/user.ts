import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@/lib/constants';
import { ROLES } from '@/lib/roles';
import { PHONE_PATTERN } from './phone';

export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, { message: 'validation.phone' });

/** At least 8 characters drawn from at least three of: lower case, upper case, digits, symbols. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'validation.passwordMin' })
  .max(128)
  .refine((p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3, {
    message: 'validation.passwordClasses',
  });

export const createUserSchema = z
  .object({
    phone: phoneSchema,
    password: passwordSchema,
    name: z.string().trim().min(1, { message: 'validation.nameRequired' }).max(40),
    role: z.enum(ROLES),
    orgUnitId: z.string().min(1, { message: 'validation.orgUnitRequired' }),
    legalLiterate: z.boolean().default(false),
    legalLiterateSince: z.iso.date().nullable().default(null),
  })
  .refine((u) => !u.legalLiterate || u.role === 'villager', {
    message: 'validation.legalLiterateVillagerOnly',
    path: ['legalLiterate'],
  })
  .refine((u) => !u.legalLiterate || u.legalLiterateSince !== null, {
    message: 'validation.legalLiterateSince',
    path: ['legalLiterateSince'],
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  disabled: z.boolean().optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.string().min(1).optional(),
  legalLiterate: z.boolean().optional(),
  legalLiterateSince: z.iso.date().nullable().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.object({ phone: phoneSchema, password: z.string().min(1).max(128) });
