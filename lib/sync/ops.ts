import { z } from 'zod';
import { MAX_READ_SECONDS } from '@/lib/constants';
import { activitySaveSchema, checkInSchema } from '@/lib/validations/activity';
import { questionIdSchema, responseSchema } from '@/lib/validations/quiz';
import {
  consultAssignSchema,
  consultDeadlineSchema,
  consultFileSchema,
  consultMessageSchema,
  consultRateSchema,
  consultReferSchema,
  consultResolveSchema,
  consultTakeSchema,
} from '@/lib/validations/consult';

/**
 * The operations a phone can queue, each with the schema of its payload. Client and server share this list:
 * the phone validates before it writes, the server validates again before it applies.
 */
// Times are compared as text on the server, so every time is normalised to UTC ISO-8601 here.
const at = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const lessonId = z.string().min(1).max(64);

export const opPayloadSchemas = {
  'study.open': z.object({ lessonId, at }),
  'study.read': z.object({ lessonId, at, seconds: z.number().int().min(1).max(MAX_READ_SECONDS) }),
  'study.complete': z.object({ lessonId, at }),
  'quiz.answer': z.object({ questionId: questionIdSchema, response: responseSchema, mode: z.enum(['practice', 'daily', 'review']), at }),
  'exam.submit': z.object({
    attemptId: z.uuid(),
    examId: z.string().min(1).max(64),
    paperId: z.uuid(),
    startedAt: at,
    submittedAt: at,
    answers: z.record(questionIdSchema, responseSchema).refine((a) => Object.keys(a).length <= 200, { message: 'at most 200 answers' }),
  }),
  'activity.save': activitySaveSchema,
  'activity.checkIn': checkInSchema,
  'consult.file': consultFileSchema,
  'consult.take': consultTakeSchema,
  'consult.assign': consultAssignSchema,
  'consult.reply': consultMessageSchema,
  'consult.followup': consultMessageSchema,
  'consult.refer': consultReferSchema,
  'consult.resolve': consultResolveSchema,
  'consult.rate': consultRateSchema,
  'consult.deadline': consultDeadlineSchema,
} as const;

export type OpType = keyof typeof opPayloadSchemas;
export type OpPayload<T extends OpType> = z.infer<(typeof opPayloadSchemas)[T]>;

export function isOpType(type: string): type is OpType {
  return Object.hasOwn(opPayloadSchemas, type);
}
