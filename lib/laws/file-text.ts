import { docxToText } from './docx';

/** A law file's text: .docx through its document XML, .md/.txt as UTF-8 or else GB18030 (the phone checks with this too). */
export const LAW_FILE_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'] as const;

export class LawFileTypeError extends Error {}

export function lawFileText(name: string, bytes: Uint8Array): string {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (ext === '.docx') return docxToText(bytes);
  if (!(LAW_FILE_EXTENSIONS as readonly string[]).includes(ext))
    throw new LawFileTypeError('只能导入 .md、.txt 或 .docx 文件 / only .md, .txt and .docx files can be imported');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // plain-text downloads from Chinese sites are often GB18030 (GBK)
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
