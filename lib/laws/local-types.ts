import type { LawArticleRecord, LawDetail } from './types';

/** What the phone keeps of the law library (Dexie stores laws, articles, bookmarks). */
export type HeldLaw = Omit<LawDetail, 'articles'> & { storedAt: string };

export type HeldArticle = LawArticleRecord;

export interface ArticleBookmark {
  law: string;
  number: number;
  /** 0 for 第X条, Y for 第X条之Y */
  sub: number;
  label: string;
  /** the first words of the article, so the list reads well even when the law is no longer on the phone */
  excerpt: string;
  createdAt: string;
}
