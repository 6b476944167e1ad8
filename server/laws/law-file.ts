import 'server-only';
import { docxToText } from '@/lib/laws/docx';

/** An uploaded or read law file as text: .docx through its document XML, .md/.txt as UTF-8 or else GB18030. */
export interface LawFile {
  name: string;
  bytes: Uint8Array;
}

export class LawImportError extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'LawImportError';
  }
}

export const LAW_FILE_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'] as const;

export function lawFileText(file: LawFile): string {
  const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
  if (ext === '.docx') {
    try {
      return docxToText(file.bytes);
    } catch (error) {
      throw new LawImportError(422, file.name, null, `${file.name}: ${(error as Error).message}`);
    }
  }
  if (!(LAW_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new LawImportError(
      422,
      file.name,
      null,
      `${file.name}: 只能导入 .md、.txt 或 .docx 文件 / only .md, .txt and .docx files can be imported`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    // plain-text downloads from Chinese sites are often GB18030 (GBK)
    text = new TextDecoder('gb18030').decode(file.bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
