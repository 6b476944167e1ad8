import { thesaurusActionSchema } from '@/lib/validations/admin';
import { checkPhrases, listThesaurus, publishEntry, removeEntry } from '@/server/admin/thesaurus';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json({ entries: await listThesaurus((await ready()).db) });
});

/** check: which articles the phrases find; publish: add or change an entry for phones; remove: take it out. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, thesaurusActionSchema);
  const h = await ready();
  if (input.action === 'check') return json({ phrases: await checkPhrases(h.db, input.phrases) });
  if (input.action === 'publish') await publishEntry(h, input);
  else await removeEntry(h, input.word);
  return json({ word: input.word, status: input.action === 'publish' ? 'published' : 'removed' });
});
