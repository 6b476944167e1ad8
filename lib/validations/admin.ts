import { z } from 'zod';
import { parseArticleKey } from '@/lib/laws/article-ref';
import { createExamSchema } from './quiz';

/** Schemas of the administration routes (content authoring, imports, villages), shared by forms and handlers. */
export const citationRefSchema = z
  .string()
  .trim()
  .refine((s) => {
    const m = /^([^:：\s]+)[:：](\S+)$/.exec(s);
    return Boolean(m && parseArticleKey(m[2]!));
  }, 'CITATION_FORMAT');

export const lessonInputSchema = z.object({
  moduleId: z.string().trim().min(1).max(80),
  title: z.string().trim().min(1).max(80),
  titleEn: z.string().trim().min(1).max(160),
  minutes: z.coerce.number().int().min(1).max(60),
  body: z.string().trim().min(1).max(20000),
  cites: z.array(citationRefSchema).max(20),
});
export type LessonInput = z.infer<typeof lessonInputSchema>;

export const moduleInputSchema = z.object({
  theme: z.string().trim().min(1).max(40),
  titleZh: z.string().trim().min(1).max(60),
  titleEn: z.string().trim().min(1).max(120),
  summaryZh: z.string().trim().min(1).max(300),
  summaryEn: z.string().trim().min(1).max(600),
});
export type ModuleInput = z.infer<typeof moduleInputSchema>;

export const contentActionSchema = z.object({ action: z.enum(['publish', 'delete']) });
/** archive: off the phones, history kept; delete: gone if nobody ever used it, archived otherwise. */
export const moduleActionSchema = z.object({ action: z.enum(['archive', 'delete']) });

export const orgActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), parentId: z.string().min(1), name: z.string().trim().min(1).max(40) }),
  z.object({ action: z.literal('rename'), id: z.string().min(1), name: z.string().trim().min(1).max(40) }),
  z.object({ action: z.literal('move'), id: z.string().min(1), parentId: z.string().min(1) }),
  z.object({ action: z.literal('retire'), id: z.string().min(1) }),
  z.object({ action: z.literal('restore'), id: z.string().min(1) }),
]);
export type OrgAction = z.infer<typeof orgActionSchema>;

/** An uploaded sheet travels as base64 inside JSON so it goes through readJson's size limit and validation. */
export const sheetUploadSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  data: z.string().min(1),
  confirm: z.boolean().default(false),
});

export const auditQuerySchema = z.object({
  action: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(40).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  page: z.coerce.number().int().min(1).default(1),
});

/**
 * An exam edit: any field of the exam form before it opens; once it has opened only its window (opensAt, closesAt)
 * and audience (roles, orgUnitIds), so nobody's paper changes under them.
 */
export const examEditSchema = z
  .object({ ...createExamSchema.shape, description: z.string().max(500), showRanking: z.boolean() })
  .partial()
  .refine((e) => !e.opensAt || !e.closesAt || e.closesAt > e.opensAt, {
    message: 'validation.closesAfterOpens',
    path: ['closesAt'],
  });
export type ExamEdit = z.infer<typeof examEditSchema>;
export const EXAM_FIELDS_AFTER_OPEN = ['opensAt', 'closesAt', 'roles', 'orgUnitIds'] as const;
export const examActionSchema = z.object({ action: z.literal('close') });

const phraseList = z.array(z.string().trim().min(1).max(40)).min(1, { message: 'PHRASE_REQUIRED' }).max(8);
export const thesaurusActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), phrases: phraseList }),
  z.object({
    action: z.literal('publish'),
    word: z.string().trim().min(1).max(20),
    phrases: phraseList,
    theme: z.string().trim().min(1).max(20),
  }),
  z.object({ action: z.literal('remove'), word: z.string().trim().min(1).max(20) }),
]);
