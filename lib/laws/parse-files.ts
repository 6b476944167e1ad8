import { DocxTooLargeError } from './docx';
import { LawFileTypeError, lawFileText } from './file-text';
import { LawParseError, parseLawText, type ParsedLaw } from './parse';

/**
 * Parses law files one by one (the CPU-heavy part of an import, run in a worker thread by server/laws). Returns the
 * laws, or the first problem as plain data (status, file, line, message), since errors do not cross threads intact.
 */
export interface ParsedFile {
  file: string;
  law: ParsedLaw;
}
export interface ParseProblem {
  status: 413 | 422;
  file: string;
  line: number | null;
  message: string;
}
export type ParseFilesResult = { ok: true; laws: ParsedFile[] } | { ok: false; problem: ParseProblem };

export function parseLawFiles(
  files: { name: string; bytes: Uint8Array }[],
  onFile?: (name: string, done: number) => void,
): ParseFilesResult {
  const laws: ParsedFile[] = [];
  for (const [k, file] of files.entries()) {
    try {
      laws.push({ file: file.name, law: parseLawText(lawFileText(file.name, file.bytes), { fileName: file.name }) });
    } catch (error) {
      if (error instanceof LawParseError)
        return { ok: false, problem: { status: 422, file: error.fileName, line: error.line, message: error.message } };
      const status = error instanceof DocxTooLargeError ? 413 : 422;
      const known = error instanceof DocxTooLargeError || error instanceof LawFileTypeError || /\.docx$/i.test(file.name);
      if (!known) throw error;
      return { ok: false, problem: { status, file: file.name, line: null, message: `${file.name}: ${(error as Error).message}` } };
    }
    onFile?.(file.name, k + 1);
  }
  return { ok: true, laws };
}
