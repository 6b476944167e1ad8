/** Laws as they travel from server to phone and live in Dexie. Laws are addressed by short title (民法典). */
export const LAW_CATEGORIES = [
  'constitution',
  'constitutionRelated',
  'civilCode',
  'civilCommercial',
  'administrative',
  'economic',
  'social',
  'criminal',
  'procedure',
  'regulation',
  'other',
] as const;
export type LawCategory = (typeof LAW_CATEGORIES)[number];

export interface LawSummary {
  /** the id of this version; a newer import gets a new id */
  id: string;
  shortTitle: string;
  title: string;
  category: LawCategory;
  /** YYYY-MM-DD of the latest event in the law's history, when it says */
  versionDate: string | null;
  version: number;
  articleCount: number;
  /** UTF-8 bytes of the article text, an estimate of what the phone stores */
  textBytes: number;
  importedAt: string;
}

export interface LawHeadingRecord {
  level: '编' | '分编' | '章' | '节';
  label: string;
  name: string;
  display: string;
  path: string[];
}

export interface LawArticleRecord {
  /** short title of its law */
  law: string;
  number: number;
  /** 0 for 第X条, Y for 第X条之Y */
  sub: number;
  /** 第一千零四十二条 */
  label: string;
  headingPath: string[];
  paragraphs: string[];
}

export interface LawDetail extends LawSummary {
  history: string[];
  preamble: string[];
  headings: LawHeadingRecord[];
  articles: LawArticleRecord[];
}

export interface BrokenCitation {
  source: 'lesson' | 'question';
  /** lesson slug or question id */
  id: string;
  law: string;
  article: number;
  sub?: number;
}

export interface LawImportOutcome {
  shortTitle: string;
  title: string;
  category: LawCategory;
  version: number;
  versionDate: string | null;
  articles: number;
  status: 'imported' | 'newVersion' | 'unchanged';
}

export interface LawImportResult {
  laws: LawImportOutcome[];
  brokenCitations: BrokenCitation[];
}

/** A lesson or question that cites a law, listed before an admin retires it. */
export interface LawCitation {
  source: 'lesson' | 'question';
  /** lesson slug or question id */
  id: string;
  /** lesson title or question stem */
  title: string;
  article: number;
}

export interface LawRetirement {
  shortTitle: string;
  title: string;
  /** how many stored versions were marked retired */
  versions: number;
  retiredAt: string;
  citations: LawCitation[];
}
