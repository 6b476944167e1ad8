import { z } from 'zod';
import { ROLES } from '@/lib/roles';
import { QUESTION_TYPES } from '@/lib/quiz/types';

/** Shared by the admin's exam form, the exam routes and the quiz sync operations. */
export const responseSchema = z.union([z.array(z.number().int().min(0).max(9)).max(10), z.boolean()]);
export const questionIdSchema = z.string().min(1).max(64);

export const drawRuleSchema = z.object({
  tag: z.string().min(1).max(80).nullable().default(null),
  type: z.enum(QUESTION_TYPES),
  count: z.number().int().min(1, { message: '至少 1 题 / at least 1 question' }).max(100),
});

const instant = z.iso
  .datetime({ offset: true, message: '请填写日期和时间 / enter a date and time' })
  .transform((s) => new Date(s).toISOString());

export const createExamSchema = z
  .object({
    title: z.string().trim().min(2, { message: '请填写考试名称 / enter a title' }).max(80),
    description: z.string().max(500).default(''),
    roles: z.array(z.enum(ROLES)).min(1, { message: '至少选择一个角色 / choose at least one role' }),
    orgUnitIds: z.array(z.string().min(1)).min(1, { message: '至少选择一个单位 / choose at least one org unit' }),
    opensAt: instant,
    closesAt: instant,
    timeLimitMinutes: z.number().int().min(1, { message: '时限至少 1 分钟 / at least 1 minute' }).max(600),
    passMark: z.number().min(0).max(100, { message: '及格分为 0–100 / a pass mark is 0–100' }),
    maxAttempts: z.number().int().min(1, { message: '至少 1 次 / at least 1 attempt' }).max(10),
    countingRule: z.enum(['highest', 'last']),
    review: z.enum(['none', 'mine', 'full']),
    showRanking: z.boolean().default(false),
    paper: z.discriminatedUnion('mode', [
      z.object({
        mode: z.literal('fixed'),
        questionIds: z.array(questionIdSchema).min(1, { message: '至少选一题 / choose at least one question' }).max(200),
      }),
      z.object({
        mode: z.literal('random'),
        rules: z.array(drawRuleSchema).min(1, { message: '至少一条抽题规则 / add at least one draw rule' }).max(20),
      }),
    ]),
  })
  .refine((e) => e.closesAt > e.opensAt, { message: '结束时间必须晚于开始时间 / the exam must close after it opens', path: ['closesAt'] });
export type CreateExamInput = z.infer<typeof createExamSchema>;
