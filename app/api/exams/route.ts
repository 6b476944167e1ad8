import { createExamSchema } from '@/lib/validations/quiz';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { createExam, listExams } from '@/server/quiz/exams';

/** Formal exams: administrators list and create them. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json({ exams: await listExams((await ready()).db) });
});

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const admin = await requireUser(request, ['admin']);
  const input = await readJson(request, createExamSchema);
  return json({ exam: await createExam(await ready(), input, admin.id) }, 201);
});
