import { notTaken } from '@/server/admin/exams';
import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';

/** People in the exam's audience who have not taken it yet. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  await requireUser(request, ['admin']);
  const { db } = await ready();
  return json({ people: await notTaken(db, (await context.params).id) });
});
