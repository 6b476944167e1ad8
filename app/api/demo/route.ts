import { ready } from '@/server/db';
import { env } from '@/server/env';
import { handle, json } from '@/server/http';
import { DEMO_LOGINS } from '@/server/seed';

/** Whether this server runs the demo township (its demo accounts exist), and then the demo password for the login page. */
export const GET = handle(async () => {
  const { db } = await ready();
  const phone = DEMO_LOGINS[0]?.phone ?? '';
  const demo = Boolean(await db.selectFrom('user').select('id').where('username', '=', phone).executeTakeFirst());
  return json(demo ? { demo: true, password: env().DEMO_PASSWORD } : { demo: false });
});
