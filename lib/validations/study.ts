import { z } from 'zod';
import { ROLES } from '@/lib/roles';

/** An admin's weekly study task: one lesson or one module, for some roles in some org units, for one week. */
export const createTaskSchema = z
  .object({
    weekStart: z.iso
      .date({ message: '请选择周一日期 / choose the Monday of the week' })
      .refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, {
        message: '每周任务从周一开始 / a weekly task starts on a Monday',
      }),
    lessonId: z.string().min(1).nullable().default(null),
    moduleId: z.string().min(1).nullable().default(null),
    roles: z.array(z.enum(ROLES)).min(1, { message: '至少选择一个角色 / choose at least one role' }),
    orgUnitIds: z.array(z.string().min(1)).min(1, { message: '至少选择一个单位 / choose at least one org unit' }),
    note: z.string().max(200).default(''),
  })
  .refine((t) => (t.lessonId === null) !== (t.moduleId === null), {
    message: '请选择一节课或一个专题（二选一） / choose either a lesson or a module',
    path: ['lessonId'],
  });
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
