import 'server-only';

/** An uploaded or read law file, and the error an import stops with (the file and line it names). */
export { LAW_FILE_EXTENSIONS } from '@/lib/laws/file-text';

export interface LawFile {
  name: string;
  bytes: Uint8Array;
}

export class LawImportError extends Error {
  constructor(
    readonly status: 409 | 413 | 422,
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'LawImportError';
  }
}
