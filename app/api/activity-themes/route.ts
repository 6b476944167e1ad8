import { createTheme, setThemeActive } from '@/server/activity/themes';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';
import { themeCreateSchema, themeUpdateSchema } from '@/lib/validations/activity';

/** POST (admin): add an activity theme. PATCH (admin): retire or restore one. Phones receive themes by pull. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const { name } = await readJson(request, themeCreateSchema);
  return json({ theme: await createTheme(await ready(), name) }, 201);
});

export const PATCH = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const { id, active } = await readJson(request, themeUpdateSchema);
  await setThemeActive(await ready(), id, active);
  return json({ ok: true });
});
