import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { listOrgUnits } from '@/server/org';

export const GET = handle(async (request: Request) => {
  await requireUser(request);
  const { db } = await ready();
  return json({ orgUnits: await listOrgUnits(db) });
});
