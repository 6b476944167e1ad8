import { z } from 'zod';
import { ROLES } from '@/lib/roles';
import { createUserSchema } from '@/lib/validations/user';
import { ready } from '@/server/db';
import { handle, json, readJson, readQuery, requireSameOrigin, requireUser } from '@/server/http';
import { createUser, listUsers } from '@/server/users';

const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  q: z.string().trim().max(40).optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.string().min(1).max(80).optional(),
});

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  const params = readQuery(request, listQuery);
  const { db } = await ready();
  return json(await listUsers(db, params));
});

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, createUserSchema);
  const { db } = await ready();
  return json(await createUser(db, input), 201);
});
