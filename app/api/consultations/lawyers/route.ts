import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { listLawyers } from '@/server/consult/detail';

/** The lawyers an administrator can assign a request to. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json({ lawyers: await listLawyers((await ready()).db) });
});
