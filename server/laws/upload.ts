import 'server-only';
import { MAX_LAW_UPLOAD_BYTES } from '@/lib/constants';
import type { LawCategory, LawImportResult } from '@/lib/laws/types';
import { lawUploadSchema } from '@/lib/validations/laws';
import type { DbHandle } from '../db/client';
import { HttpError, httpError, readBody } from '../http';
import { halves } from '../messages';
import { importLaws } from './import';
import { LawImportError, type LawFile } from './law-file';

/** The admin upload: a multipart form with `files` and an optional `category`, imported all or nothing. */
export interface LawUpload {
  files: LawFile[];
  category?: LawCategory;
}

const tooLarge = () => httpError(413, 'LAW_UPLOAD_TOO_LARGE', { limitMb: MAX_LAW_UPLOAD_BYTES / 1024 / 1024 });

export async function readLawUpload(request: Request): Promise<LawUpload> {
  // The multipart framing around the files is allowed 64 KB on top of the files' own limit.
  const body = await readBody(request, MAX_LAW_UPLOAD_BYTES + 64 * 1024).catch((error: unknown) => {
    throw error instanceof HttpError && error.status === 413 ? tooLarge() : error;
  });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw httpError(400, 'MULTIPART_REQUIRED');
  }
  const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
  const category = form.get('category');
  const parsed = lawUploadSchema.safeParse({
    category: typeof category === 'string' && category ? category : undefined,
    files: files.map((f) => ({ name: f.name, size: f.size })),
  });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    const named = parsed.error.issues.flatMap((i) =>
      i.path[0] === 'files' && typeof i.path[1] === 'number' ? [files[i.path[1]]?.name] : [],
    );
    const bad = [...new Set(named)].join(', ');
    throw bad ? httpError(422, 'LAW_FILES_INVALID', { files: bad }, fields) : httpError(422, 'INVALID', undefined, fields);
  }
  if (files.reduce((n, f) => n + f.size, 0) > MAX_LAW_UPLOAD_BYTES) throw tooLarge();
  return {
    category: parsed.data.category,
    files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
  };
}

export async function importLawUpload(handle: DbHandle, upload: LawUpload, adminId: string): Promise<LawImportResult> {
  try {
    return await importLaws(handle, upload.files, { category: upload.category, importedBy: adminId });
  } catch (error) {
    if (!(error instanceof LawImportError)) throw error;
    // The parser's problems read "file:line: 中文 / English": the file and line go in once, each half to its locale.
    const where = error.line ? `${error.file}:${error.line}` : error.file;
    const text = where && error.message.startsWith(`${where}: `) ? error.message.slice(where.length + 2) : error.message;
    throw httpError(
      error.status,
      'LAW_IMPORT_FAILED',
      { where, ...halves(text) },
      {
        file: error.file,
        ...(error.line ? { line: String(error.line) } : {}),
      },
    );
  }
}
