import { z } from 'zod';
import { ACTIVITY_KINDS, CHECK_IN_METHODS, DUTY_OUTCOMES, MATERIALS, STUDY_KINDS, type Material } from '@/lib/activity/types';
import { MAX_PHOTOS_PER_RECORD } from '@/lib/constants';
import { SHA256_HEX } from '@/lib/files/sniff';

/**
 * One schema for the activity form, the activity.save op and its handler; one for check-ins. Messages are codes of
 * the `errors` catalogue, shown in the reader's language.
 */
const instant = z.iso.datetime({ offset: true, message: 'ENTER_DATETIME' }).transform((s) => new Date(s).toISOString());

const count = z
  .number({ message: 'ENTER_NUMBER' })
  .int({ message: 'WHOLE_NUMBER' })
  .min(0, { message: 'NOT_NEGATIVE' })
  .max(1_000_000, { message: 'NUMBER_TOO_LARGE' });

const materials = Object.fromEntries(MATERIALS.map((m) => [m, count])) as Record<Material, typeof count>;

export const activityFieldsSchema = z
  .object({
    title: z.string().trim().min(2, { message: 'ACTIVITY_TITLE_MIN' }).max(80),
    kind: z.enum(ACTIVITY_KINDS, { message: 'CHOOSE_KIND' }),
    studyKind: z.enum(STUDY_KINDS).nullable().default(null),
    dutyOutcome: z.enum(DUTY_OUTCOMES).nullable().default(null),
    themeId: z.string().min(1).max(64).nullable().default(null),
    orgUnitId: z.string().min(1, { message: 'CHOOSE_VILLAGE_OR_UNIT' }).max(64),
    place: z.string().trim().max(120).default(''),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    accuracyM: z.number().min(0).max(100_000).nullable().default(null),
    startsAt: instant,
    endsAt: instant,
    hostName: z.string().trim().min(1, { message: 'ENTER_HOST' }).max(60),
    staff: z.string().trim().max(300).default(''),
    audience: count,
    ...materials,
    notes: z.string().trim().max(2000).default(''),
    photos: z.array(z.string().regex(SHA256_HEX)).max(MAX_PHOTOS_PER_RECORD).default([]),
  })
  .refine((a) => a.endsAt >= a.startsAt, { message: 'END_BEFORE_START', path: ['endsAt'] })
  .refine((a) => a.kind !== 'study' || a.studyKind !== null, {
    message: 'CHOOSE_STUDY_KIND',
    path: ['studyKind'],
  });
export type ActivityFields = z.infer<typeof activityFieldsSchema>;
export type ActivityFieldsInput = z.input<typeof activityFieldsSchema>;

export const activitySaveSchema = z.object({
  id: z.uuid(),
  checkInCode: z.string().regex(/^[A-Za-z0-9]{8,32}$/),
  activity: activityFieldsSchema,
});

const personSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self'), code: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('user'), userId: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('manual'),
    name: z.string().trim().min(1, { message: 'ENTER_NAME' }).max(40),
    orgUnitId: z.string().min(1, { message: 'CHOOSE_VILLAGE' }).max(64),
  }),
]);

export const checkInSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  person: personSchema,
  method: z.enum(CHECK_IN_METHODS),
  at: instant,
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const themeCreateSchema = z.object({
  name: z.string().trim().min(2, { message: 'THEME_NAME_MIN' }).max(40),
});
export const themeUpdateSchema = z.object({ id: z.string().min(1).max(64), active: z.boolean() });
export const periodLockSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_FORMAT' }),
  locked: z.boolean(),
});
