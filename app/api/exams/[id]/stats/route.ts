import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { parseId } from '@/server/quiz/params';
import { examStats } from '@/server/quiz/stats';

/** An exam's statistics: administrators only. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await requireUser(request, ['admin']);
  return json(await examStats((await ready()).db, parseId((await params).id)));
});
