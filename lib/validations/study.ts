import { z } from 'zod';
import { ROLES } from '@/lib/roles';

/** An admin's weekly study task: one lesson or one module, for some roles in some org units, for one week. */
export const createTaskSchema = z
  .object({
    /** Made once per filled-in form, so a repeated submit is recognised. */
    id: z.uuid().optional(),
    weekStart: z.iso.date({ message: 'validation.weekStartDate' }).refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, {
      message: 'validation.weekStartMonday',
    }),
    lessonId: z.string().min(1).nullable().default(null),
    moduleId: z.string().min(1).nullable().default(null),
    roles: z.array(z.enum(ROLES)).min(1, { message: 'validation.rolesRequired' }),
    orgUnitIds: z.array(z.string().min(1)).min(1, { message: 'validation.orgUnitsRequired' }),
    note: z.string().max(200).default(''),
  })
  .refine((t) => (t.lessonId === null) !== (t.moduleId === null), {
    message: 'validation.lessonOrModule',
    path: ['lessonId'],
  });
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
