import { sheetUploadSchema } from '@/lib/validations/admin';
import { importQuestions } from '@/server/admin/imports';
import { readSheet } from '@/server/admin/sheets';
import { ready } from '@/server/db';
import { handle, json, readJson, requireSameOrigin, requireUser } from '@/server/http';

/** Previews a question-bank file row by row; with confirm: true imports it, all or nothing. */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  await requireUser(request, ['admin']);
  const input = await readJson(request, sheetUploadSchema, 8 * 1024 * 1024);
  const rows = await readSheet(input.fileName, input.data);
  const result = await importQuestions(await ready(), rows, input.confirm);
  return json(result, input.confirm && result.imported === 0 ? 422 : 200);
});
