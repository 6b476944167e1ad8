/** Checks one file in the browser before upload, with the parser the server uses. */
export type FileCheck = { ok: true; title: string; shortTitle: string; articles: number } | { ok: false; message: string };

export async function checkLawFile(file: File): Promise<FileCheck> {
  try {
    // The .docx reader (fflate) and the parser load when a file is chosen, not with the page (its first-load budget).
    const [{ lawFileText }, { parseLawText }] = await Promise.all([import('@/lib/laws/file-text'), import('@/lib/laws/parse')]);
    const text = lawFileText(file.name, new Uint8Array(await file.arrayBuffer()));
    const law = parseLawText(text, { fileName: file.name });
    return { ok: true, title: law.title, shortTitle: law.shortTitle, articles: law.articles.length };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
