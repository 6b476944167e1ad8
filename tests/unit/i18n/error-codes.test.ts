import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import zh from '@/locales/zh-CN.json';

/**
 * Every message the server can answer is a code the phone shows from the `errors` catalogue in the reader's
 * language (issue 11: zh screens Chinese only, en screens English only). The codes are found in the source the way
 * a reader would find them: every upper-case string literal in the modules that answer requests or reject ops.
 */
const root = process.cwd();
const SOURCES = ['server', 'app/api', 'lib/validations', 'lib/quiz/time-rule.ts', 'lib/admin/import-rows.ts'];
// Upper-case literals in those files that are not messages: database error codes, HTTP methods, env names.
const NOT_CODES =
  /^(SQLITE_\w+|ERR_\w+|BANNED_USER|SIGKILL|NFKC|[A-FTY]|GET|POST|PUT|PATCH|DELETE|HEAD|UTC|NODE_ENV|PUFA_\w+|DATABASE_URL|BETTER_AUTH_\w+|YYYY\w*)$/;
// The law importer's parser still writes its line-numbered problems in both languages; server/laws/upload.ts
// answers them as LAW_IMPORT_FAILED with each half in its own catalogue (server/messages.ts → halves).
const STILL_BILINGUAL_INSIDE = ['server/laws/import.ts', 'server/laws/prepare.ts', 'server/laws/parse-off-thread.ts'];

function files(entry: string): string[] {
  const full = path.join(root, entry);
  if (entry.endsWith('.ts')) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(entry, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(entry, d.name)] : [],
  );
}
const sources = SOURCES.flatMap(files).map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));

function emittedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g)) if (!NOT_CODES.test(m[1]!)) codes.set(m[1]!, file);
    for (const m of text.matchAll(/errors\.([A-Z][A-Z0-9_]+)/g)) codes.set(m[1]!, file);
  }
  return codes;
}

type Catalogue = Record<string, string>;
// {zh} in the Chinese text and {en} in the English one are the two halves of one parameter (server/messages.ts).
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/^(zh|en)$/, 'half')).sort();

describe('the server error codes', () => {
  const codes = emittedCodes();

  it('finds the codes the server emits (the scan itself works)', () => {
    for (const known of ['NOT_SIGNED_IN', 'PHONE_TAKEN', 'LESSON_NOT_FOUND', 'CHECKIN_OUTSIDE_WINDOW', 'EXAM_OVER_TIME', 'CLOCK_AHEAD'])
      expect(codes.has(known), known).toBe(true);
    expect(codes.size).toBeGreaterThan(80);
  });

  it('has a message for every emitted code in both languages, naming the same parameters', () => {
    const zhErrors = zh.errors as Catalogue;
    const enErrors = en.errors as Catalogue;
    const missing = [...codes].filter(([code]) => !zhErrors[code] || !enErrors[code]).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    for (const code of codes.keys()) expect(placeholders(enErrors[code]!), code).toEqual(placeholders(zhErrors[code]!));
  });

  it('writes each message in one language: Chinese in zh, no Chinese in en', () => {
    const han = /\p{Script=Han}/u;
    const zhErrors = zh.errors as Catalogue;
    const enErrors = en.errors as Catalogue;
    // Chinese that stays Chinese in English: the law's own terms, and the words a template file must contain.
    const allowedInEnglish = /法律明白人|民法典|刑法|单选|多选|判断|对|错/g;
    expect(Object.keys(zhErrors).filter((k) => !han.test(zhErrors[k]!))).toEqual([]);
    expect(Object.keys(enErrors).filter((k) => han.test(enErrors[k]!.replace(allowedInEnglish, '')))).toEqual([]);
  });

  it('leaves no "中文 / English" free text and no uncoded error in the modules that answer requests', () => {
    const bilingualLiteral = /(['`])[^'`\n]*\p{Script=Han}[^'`\n]* \/ [A-Za-z][^'`\n]*\1/u;
    const offenders = sources
      .filter(({ file }) => !STILL_BILINGUAL_INSIDE.includes(file))
      .flatMap(({ file, text }) =>
        text
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}`, own: file === 'server/http.ts' }))
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
          .filter(
            ({ line, own }) =>
              bilingualLiteral.test(line) ||
              // HttpError itself is built only in server/http.ts; elsewhere httpError(status, CODE, params, fields).
              (!own && /new HttpError\(/.test(line) && !/bilingual\('errors\./.test(line)) ||
              /new OpRejected\((?!'[A-Z]|NOT_FOUND|refused|TIMING_CODES)/.test(line),
          )
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });
});
