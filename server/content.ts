import 'server-only';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseLessonFile, type LessonFile } from '@/lib/content/lesson-file';
import { parseThesaurus, type ThesaurusEntry } from '@/lib/search/thesaurus';
import { nextChangeSeq } from './db/changes';
import { writeTransaction, type DbHandle } from './db/client';

/**
 * Loads the shipped study content (content/modules) into the database. Only modules and lessons whose text
 * changed get a new change sequence, so re-running the demo doesn't make every phone download everything again.
 */
const moduleFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int(),
  theme: z.string().min(1),
  title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  summary: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
});

export interface ShippedModule {
  module: z.infer<typeof moduleFileSchema>;
  lessons: LessonFile[];
}

export function readShippedContent(root: string): ShippedModule[] {
  const modulesDir = path.join(root, 'modules');
  if (!existsSync(modulesDir)) return [];
  return readdirSync(modulesDir)
    .filter((d) => existsSync(path.join(modulesDir, d, 'module.json')))
    .sort()
    .map((dir) => {
      const folder = path.join(modulesDir, dir);
      const meta = moduleFileSchema.parse(JSON.parse(readFileSync(path.join(folder, 'module.json'), 'utf8')));
      const lessons = readdirSync(folder)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => parseLessonFile(readFileSync(path.join(folder, f), 'utf8'), path.join(dir, f)));
      return { module: meta, lessons };
    });
}

/** content/thesaurus.tsv (what villagers say → the statute's wording), or none when the file is absent. */
export function readShippedThesaurus(root: string): ThesaurusEntry[] {
  const file = path.join(root, 'thesaurus.tsv');
  return existsSync(file) ? parseThesaurus(readFileSync(file, 'utf8')) : [];
}

export async function loadShippedContent(
  handle: DbHandle,
  root: string,
): Promise<{ modules: number; lessons: number; thesaurus: number; changed: number }> {
  const shipped = readShippedContent(root);
  const thesaurus = readShippedThesaurus(root);
  let changed = 0;
  await writeTransaction(handle, async (trx) => {
    let seq: number | undefined;
    const take = async () => (seq ??= await nextChangeSeq(trx));
    const now = new Date().toISOString();
    const known = new Map((await trx.selectFrom('thesaurusEntry').selectAll().execute()).map((r) => [r.word, r]));
    for (const entry of thesaurus) {
      const row = { phrases: JSON.stringify(entry.phrases), theme: entry.theme, removed: false };
      const existing = known.get(entry.word);
      known.delete(entry.word);
      if (existing?.adminEdited) continue; // an administrator's entry wins over the file
      if (!existing) {
        await trx
          .insertInto('thesaurusEntry')
          .values({ word: entry.word, ...row, changeSeq: await take(), updatedAt: now })
          .execute();
        changed++;
      } else if (existing.phrases !== row.phrases || existing.theme !== row.theme || Boolean(existing.removed)) {
        await trx
          .updateTable('thesaurusEntry')
          .set({ ...row, changeSeq: await take(), updatedAt: now })
          .where('word', '=', entry.word)
          .execute();
        changed++;
      }
    }
    for (const gone of known.values()) {
      if (Boolean(gone.removed) || gone.adminEdited) continue;
      await trx
        .updateTable('thesaurusEntry')
        .set({ removed: true, changeSeq: await take(), updatedAt: now })
        .where('word', '=', gone.word)
        .execute();
      changed++;
    }
    for (const { module, lessons } of shipped) {
      const row = {
        sortOrder: module.order,
        theme: module.theme,
        titleZh: module.title.zh,
        titleEn: module.title.en,
        summaryZh: module.summary.zh,
        summaryEn: module.summary.en,
      };
      const existing = await trx.selectFrom('module').selectAll().where('id', '=', module.slug).executeTakeFirst();
      // An administrator's edit or archive wins over the shipped file (content/README.md: "Admin edits win").
      const moduleKept = existing && (existing.adminEdited || existing.status !== 'published');
      if (moduleKept) {
        // keep the admin's version
      } else if (!existing) {
        await trx
          .insertInto('module')
          .values({ id: module.slug, slug: module.slug, ...row, changeSeq: await take(), updatedAt: now })
          .execute();
        changed++;
      } else if (Object.entries(row).some(([k, v]) => existing[k as keyof typeof row] !== v)) {
        await trx
          .updateTable('module')
          .set({ ...row, changeSeq: await take(), updatedAt: now })
          .where('id', '=', module.slug)
          .execute();
        changed++;
      }
      for (const [i, lesson] of lessons.entries()) {
        const lrow = {
          moduleId: module.slug,
          sortOrder: i + 1,
          title: lesson.title,
          titleEn: lesson.titleEn,
          minutes: lesson.minutes,
          body: lesson.body,
          cites: JSON.stringify(lesson.cites),
        };
        const current = await trx.selectFrom('lesson').selectAll().where('id', '=', lesson.slug).executeTakeFirst();
        if (current && (current.adminEdited || current.status !== 'published')) continue;
        if (!current) {
          await trx
            .insertInto('lesson')
            .values({ id: lesson.slug, slug: lesson.slug, ...lrow, changeSeq: await take(), updatedAt: now })
            .execute();
          changed++;
        } else if (Object.entries(lrow).some(([k, v]) => current[k as keyof typeof lrow] !== v)) {
          await trx
            .updateTable('lesson')
            .set({ ...lrow, changeSeq: await take(), updatedAt: now })
            .where('id', '=', lesson.slug)
            .execute();
          changed++;
        }
      }
    }
  });
  return { modules: shipped.length, lessons: shipped.reduce((n, m) => n + m.lessons.length, 0), thesaurus: thesaurus.length, changed };
}
