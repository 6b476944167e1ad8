import { docxToText } from '@/lib/laws/docx';
import { parseLawText } from '@/lib/laws/parse';

/** Checks one file in the browser before upload, with the parser the server uses. */
export type FileCheck = { ok: true; title: string; shortTitle: string; articles: number } | { ok: false; message: string };

export async function checkLawFile(file: File): Promise<FileCheck> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text: string;
    if (/\.docx$/i.test(file.name)) text = docxToText(bytes);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('gb18030').decode(bytes);
      }
    }
    const law = parseLawText(text.replace(/^\uFEFF/, ''), { fileName: file.name });
    return { ok: true, title: law.title, shortTitle: law.shortTitle, articles: law.articles.length };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
