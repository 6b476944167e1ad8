import { z } from 'zod';
import { ROLES } from '@/lib/roles';
import { QUESTION_TYPES } from '@/lib/quiz/types';

/** Shared by the admin's exam form, the exam routes and the quiz sync operations. */
export const responseSchema = z.union([z.array(z.number().int().min(0).max(9)).max(10), z.boolean()]);
export const questionIdSchema = z.string().min(1).max(64);

export const drawRuleSchema = z.object({
  tag: z.string().min(1).max(80).nullable().default(null),
  type: z.enum(QUESTION_TYPES),
  count: z.number().int().min(1, { message: 'validation.countMin' }).max(100),
});

const instant = z.iso.datetime({ offset: true, message: 'validation.dateTime' }).transform((s) => new Date(s).toISOString());

export const createExamSchema = z
  .object({
    title: z.string().trim().min(2, { message: 'validation.examTitle' }).max(80),
    description: z.string().max(500).default(''),
    roles: z.array(z.enum(ROLES)).min(1, { message: 'validation.rolesRequired' }),
    orgUnitIds: z.array(z.string().min(1)).min(1, { message: 'validation.orgUnitsRequired' }),
    opensAt: instant,
    closesAt: instant,
    timeLimitMinutes: z.number().int().min(1, { message: 'validation.timeLimitMin' }).max(600),
    passMark: z.number().min(0).max(100, { message: 'validation.passMarkRange' }),
    maxAttempts: z.number().int().min(1, { message: 'validation.attemptsMin' }).max(10),
    countingRule: z.enum(['highest', 'last']),
    review: z.enum(['none', 'mine', 'full']),
    showRanking: z.boolean().default(false),
    paper: z.discriminatedUnion('mode', [
      z.object({
        mode: z.literal('fixed'),
        questionIds: z.array(questionIdSchema).min(1, { message: 'validation.questionsRequired' }).max(200),
      }),
      z.object({
        mode: z.literal('random'),
        rules: z.array(drawRuleSchema).min(1, { message: 'validation.drawRulesRequired' }).max(20),
      }),
    ]),
  })
  .refine((e) => e.closesAt > e.opensAt, { message: 'validation.closesAfterOpens', path: ['closesAt'] });
export type CreateExamInput = z.infer<typeof createExamSchema>;
