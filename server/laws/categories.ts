import 'server-only';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { LawCategory } from '@/lib/laws/types';

/**
 * Which shelf of the library a law goes on. An administrator's choice wins; then LawRefBook's index
 * (lawrefbook-index.sqlite3, read only when present); then a few rules on the title.
 */
const CATEGORY_BY_NAME: Record<string, LawCategory> = {
  宪法: 'constitution',
  宪法相关法: 'constitutionRelated',
  民法典: 'civilCode',
  民法商法: 'civilCommercial',
  行政法: 'administrative',
  经济法: 'economic',
  社会法: 'social',
  刑法: 'criminal',
  诉讼与非诉讼程序法: 'procedure',
  行政法规: 'regulation',
  其他: 'other',
};

const TITLE_RULES: [RegExp, LawCategory][] = [
  [/^宪法$/, 'constitution'],
  [/^民法典$/, 'civilCode'],
  [/刑法/, 'criminal'],
  [/诉讼法|仲裁法|调解法|复议法/, 'procedure'],
  [/(条例|规定|办法)$/, 'regulation'],
  [/选举|组织法|国籍|国旗|国徽|民族区域|反有组织犯罪/, 'constitutionRelated'],
  [/处罚法|治安|禁毒|土地管理|个人信息|法律援助|行政/, 'administrative'],
  [/保护法|安全生产|劳动|社会保险|家庭|诈骗|慈善/, 'social'],
  [/合同|公司|消费者|承包|商标|专利|著作权/, 'civilCommercial'],
  [/草原|森林|税|预算|银行|价格|农业/, 'economic'],
];

/** 社会法 or social → social; undefined when the name is neither. */
export function categoryFromName(name: string): LawCategory | undefined {
  return CATEGORY_BY_NAME[name] ?? (Object.values(CATEGORY_BY_NAME).includes(name as LawCategory) ? (name as LawCategory) : undefined);
}

export type CategoryIndex = Map<string, LawCategory>;

/** Short title → category from LawRefBook's index; the in-force row wins over expired ones. */
export function readCategoryIndex(file: string): CategoryIndex | undefined {
  if (!existsSync(file)) return undefined;
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'select l.name as name, c.name as category from law l join category c on c.id = l.category_id order by l.expired desc, l.publish',
      )
      .all() as { name: string; category: string }[];
    const index: CategoryIndex = new Map();
    for (const row of rows) {
      const category = CATEGORY_BY_NAME[row.category];
      if (category) index.set(row.name, category);
    }
    return index;
  } catch {
    return undefined; // not the index we know: fall back to the title rules
  } finally {
    db.close();
  }
}

export function categoryFor(shortTitle: string, opts: { chosen?: LawCategory; index?: CategoryIndex }): LawCategory {
  if (opts.chosen) return opts.chosen;
  const indexed = opts.index?.get(shortTitle);
  if (indexed) return indexed;
  return TITLE_RULES.find(([re]) => re.test(shortTitle))?.[1] ?? 'other';
}
