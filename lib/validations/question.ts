import { z } from 'zod';
import { parseArticleKey } from '@/lib/laws/article-ref';
import { QUESTION_TYPES } from '@/lib/quiz/types';

/** A citation as 短名:条号 ("民法典:1042", "刑法:133-1"). */
const citation = z
  .string()
  .trim()
  .refine(
    (s) => {
      const m = /^([^:：\s]+)[:：](\S+)$/.exec(s);
      return Boolean(m && parseArticleKey(m[2]!));
    },
    { message: 'validation.questionBasisFormat' },
  );

/**
 * One question as an administrator writes it: single choice (one answer), multiple choice (two or more), or judge
 * (对/错); 3–5 options for the choice types and none for judge; explanation, legal basis and tags required. Every
 * problem names its field, so the form shows it beside the control.
 */
export const questionInputSchema = z
  .object({
    moduleId: z.string().min(1, { message: 'validation.questionModule' }),
    type: z.enum(QUESTION_TYPES),
    stem: z.string().trim().min(4, { message: 'validation.questionStem' }).max(500),
    options: z.array(z.string().trim().max(200)).max(5),
    answer: z.union([z.array(z.number().int().min(0).max(4)).max(5), z.boolean()]),
    explanation: z.string().trim().min(4, { message: 'validation.questionExplanation' }).max(2000),
    basis: z.array(citation).min(1, { message: 'validation.questionBasis' }).max(10),
    tags: z.array(z.string().trim().min(1).max(80)).min(1, { message: 'validation.questionTags' }).max(10),
    difficulty: z.number().int().min(1).max(3).default(2),
    pool: z.enum(['practice', 'exam']),
    status: z.enum(['draft', 'published']),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'truefalse') {
      if (typeof q.answer !== 'boolean') ctx.addIssue({ code: 'custom', path: ['answer'], message: 'validation.questionAnswerJudge' });
      return;
    }
    if (q.options.length < 3 || q.options.some((o) => o.length === 0))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.questionOptions' });
    const answer = Array.isArray(q.answer) ? q.answer : [];
    if (answer.some((i) => i >= q.options.length) || answer.length === 0)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'validation.questionAnswerChoose' });
    else if (q.type === 'single' && answer.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'validation.questionAnswerSingle' });
    else if (q.type === 'multiple' && new Set(answer).size < 2)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'validation.questionAnswerMultiple' });
  })
  .transform((q) => ({
    ...q,
    options: q.type === 'truefalse' ? [] : q.options,
    answer: Array.isArray(q.answer) ? [...new Set(q.answer)].sort((a, b) => a - b) : q.answer,
    basis: q.basis.map((b) => b.replace('：', ':')),
    tags: [...new Set(q.tags)],
  }));
export type QuestionInput = z.input<typeof questionInputSchema>;
export type QuestionSaved = z.output<typeof questionInputSchema>;

export const questionListSchema = z.object({
  q: z.string().trim().max(40).optional(),
  moduleId: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
