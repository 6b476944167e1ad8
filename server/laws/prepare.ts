import 'server-only';
import { createHash } from 'node:crypto';
import { mergeLawParts } from '@/lib/laws/merge';
import type { ParsedLaw } from '@/lib/laws/parse';
import type { ParsedFile } from '@/lib/laws/parse-files';
import type { LawCategory, LawHeadingRecord } from '@/lib/laws/types';
import { categoryFor, type CategoryIndex } from './categories';
import { LawImportError } from './law-file';

/** Parsed files → laws ready to store: parts of one law (民法典's 编) merged, categorised, hashed. */
export interface PreparedLaw {
  law: ParsedLaw;
  files: string[];
  category: LawCategory;
  headings: LawHeadingRecord[];
  contentHash: string;
  textBytes: number;
}

export function prepareLaws(files: ParsedFile[], opts: { category?: LawCategory; index?: CategoryIndex }): PreparedLaw[] {
  if (files.length === 0) throw new LawImportError(422, '', null, '没有要导入的文件 / no files to import');
  const parsed = files.map((f) => f.law);
  const filesOf = new Map<string, string[]>();
  for (const { file, law } of files) filesOf.set(law.title, [...(filesOf.get(law.title) ?? []), file]);

  let merged: ParsedLaw[];
  try {
    merged = mergeLawParts(parsed);
  } catch (error) {
    const title = parsed.find((p) => (error as Error).message.startsWith(p.title))?.title ?? '';
    throw new LawImportError(422, (filesOf.get(title) ?? []).join(', '), null, (error as Error).message);
  }

  return merged.map((law) => {
    const names = filesOf.get(law.title) ?? [];
    const first = law.articles[0];
    if (first && first.number !== 1) {
      throw new LawImportError(
        422,
        names.join(', '),
        first.line,
        `${names.join(', ')}: 《${law.shortTitle}》从${first.label}开始，缺少前面的部分；分编发布的法律请把各编一起上传 / starts at ${first.label}: upload all parts of a law published in parts together`,
      );
    }
    const headings = law.headings.map(({ level, label, name, display, path }) => ({ level, label, name, display, path }));
    // sub only where there is one, so the hash of a law without 第X条之Y articles is what it was before they existed
    const articles = law.articles.map((a) => [a.sub > 0 ? `${a.number}-${a.sub}` : a.number, a.label, a.headingPath, a.paragraphs]);
    const body = JSON.stringify({
      title: law.title,
      history: law.history,
      preamble: law.preamble,
      headings: headings.map((h) => h.path),
      articles,
    });
    return {
      law,
      files: names,
      category: categoryFor(law.shortTitle, { chosen: opts.category, index: opts.index }),
      headings,
      contentHash: createHash('sha256').update(body).digest('hex'),
      textBytes: Buffer.byteLength(law.articles.map((a) => a.paragraphs.join('\n')).join('\n')),
    };
  });
}
