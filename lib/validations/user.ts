import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@/lib/constants';
import { ROLES } from '@/lib/roles';
import { PHONE_PATTERN } from './phone';

export const phoneSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, { message: '手机号须为 11 位中国大陆手机号码 / phone must be an 11-digit mainland mobile number' });

/** At least 8 characters drawn from at least three of: lower case, upper case, digits, symbols. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `密码至少 ${PASSWORD_MIN_LENGTH} 位 / password needs at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(128)
  .refine((p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3, {
    message: '密码须包含大写字母、小写字母、数字、符号中的至少三类 / password needs three of: lower case, upper case, digits, symbols',
  });

export const createUserSchema = z
  .object({
    phone: phoneSchema,
    password: passwordSchema,
    name: z.string().trim().min(1, { message: '请填写姓名 / name is required' }).max(40),
    role: z.enum(ROLES),
    orgUnitId: z.string().min(1, { message: '请选择所属村（单位） / choose an org unit' }),
    legalLiterate: z.boolean().default(false),
    legalLiterateSince: z.iso.date().nullable().default(null),
  })
  .refine((u) => !u.legalLiterate || u.role === 'villager', {
    message: '只有村民可以认定为法律明白人 / only villagers can be legal-literate',
    path: ['legalLiterate'],
  })
  .refine((u) => !u.legalLiterate || u.legalLiterateSince !== null, {
    message: '请填写法律明白人认定日期 / give the certification date',
    path: ['legalLiterateSince'],
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, { message: '请填写姓名 / name is required' }).max(40).optional(),
  disabled: z.boolean().optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.string().min(1).optional(),
  legalLiterate: z.boolean().optional(),
  legalLiterateSince: z.iso.date().nullable().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.object({ phone: phoneSchema, password: z.string().min(1).max(128) });
