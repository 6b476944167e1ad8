import { consultSettingsSchema } from '@/lib/validations/consult';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { anonymiseExpired } from '@/server/consult/retention';
import { getConsultSettings, saveConsultSettings } from '@/server/consult/settings';

/** The default deadline and the retention period (administrators); saving applies the retention at once. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json(await getConsultSettings((await ready()).db));
});

export const PUT = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  requireSameOrigin(request);
  const settings = await readJson(request, consultSettingsSchema);
  const handleDb = await ready();
  await saveConsultSettings(handleDb.db, settings, admin.id);
  const anonymised = await anonymiseExpired(handleDb, admin);
  return json({ ...settings, anonymised });
});

/** Applies the retention period now (also run when an administrator opens 咨询). */
export const POST = handle(async (request: Request) => {
  const admin = await requireUser(request, ['admin']);
  requireSameOrigin(request);
  return json({ anonymised: await anonymiseExpired(await ready(), admin) });
});
