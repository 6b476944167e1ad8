import { examActionSchema, examEditSchema } from '@/lib/validations/admin';
import { closeExamEarly, editExam, examForEdit } from '@/server/admin/exams';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

type Context = { params: Promise<{ id: string }> };

/** The exam with its paper and whether it has opened, for the edit form. */
export const GET = handle(async (request: Request, context: Context) => {
  await requireUser(request, ['admin']);
  const { db } = await ready();
  return json(await examForEdit(db, (await context.params).id));
});

/** Edits an exam: anything before it opens, afterwards only its window and audience (409 otherwise). */
export const PUT = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const edit = await readJson(request, examEditSchema);
  return json({ exam: await editExam(await ready(), (await context.params).id, edit) });
});

/** { action: 'close' } ends an open exam now. */
export const PATCH = handle(async (request: Request, context: Context) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  await readJson(request, examActionSchema);
  return json({ exam: await closeExamEarly(await ready(), (await context.params).id) });
});
