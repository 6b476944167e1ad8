import { z } from 'zod';
import { ready } from '@/server/db';
import { handle, httpError, json, requireUser } from '@/server/http';
import { consultationDetail } from '@/server/consult/detail';

/** One consultation: the requester, the filer, the assigned lawyer and administrators; 404 for everyone else. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(request);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw httpError(404, 'CONSULTATION_NOT_FOUND');
  return json(await consultationDetail((await ready()).db, user, id.data));
});
