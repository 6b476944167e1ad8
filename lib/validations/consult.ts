import { z } from 'zod';
import { CONSULT_CATEGORIES, CONSULT_CHANNELS, RATINGS, REFERRALS } from '@/lib/consult/types';
import { MAX_PHOTOS_PER_RECORD } from '@/lib/constants';
import { SHA256_HEX } from '@/lib/files/sniff';
import { PHONE_PATTERN } from './phone';

/** Payloads of the consultation ops; the phone's forms and the server's handlers share them. */
const at = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const consultationId = z.uuid();
const text = (max: number) => z.string().trim().max(max);

export const consultFileSchema = z.object({
  id: consultationId,
  channel: z.enum(CONSULT_CHANNELS),
  category: z.enum(CONSULT_CATEGORIES),
  villageId: z.string().min(1).max(64),
  description: text(2000).min(1),
  /** Empty when the requester is the signed-in person (their own name is used). */
  requesterName: text(40).default(''),
  contactPhone: z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN, '请填写 11 位手机号 / 11-digit mobile number')]).default(''),
  callBack: z.boolean().default(false),
  /** A 法律明白人 (or staff) filing for a neighbour who has no account. */
  forOther: z.boolean().default(false),
  consentVersion: z.string().max(40).nullable().default(null),
  activityId: z.string().min(1).max(64).nullable().default(null),
  photoIds: z.array(z.string().regex(SHA256_HEX, 'photo id must be a SHA-256 hex digest')).max(MAX_PHOTOS_PER_RECORD).default([]),
  at,
});

export const consultTakeSchema = z.object({ consultationId, at });
export const consultAssignSchema = z.object({ consultationId, lawyerId: z.string().min(1).max(64), at });
export const consultMessageSchema = z.object({ consultationId, messageId: z.uuid(), body: text(2000).min(1), at });
export const consultReferSchema = z.object({
  consultationId,
  messageId: z.uuid(),
  to: z.enum(REFERRALS),
  body: text(2000).default(''),
  at,
});
export const consultResolveSchema = z.object({ consultationId, messageId: z.uuid(), at });
export const consultRateSchema = z.object({ consultationId, rating: z.enum(RATINGS), at });
export const consultDeadlineSchema = z.object({ consultationId, deadline: z.iso.date(), at });

export const consultSettingsSchema = z.object({
  retentionMonths: z.number().int().min(6).max(120),
  deadlineWorkingDays: z.number().int().min(1).max(60),
});
export type ConsultSettings = z.infer<typeof consultSettingsSchema>;
