import Dexie, { type EntityTable } from 'dexie';
import type { LessonRecord, ModuleRecord, ProgressRecord, StudyTaskRecord } from '@/lib/study/types';
import type { ThesaurusEntry } from '@/lib/search/thesaurus';
import type { Role } from '@/lib/roles';
import type { ArticleBookmark, HeldArticle, HeldLaw } from '@/lib/laws/local-types';
import type { LocalAttempt, LocalDailySet, LocalPaper, LocalQuizAnswer } from '@/lib/quiz/local-types';
import type { ExamSummary, PracticeQuestion } from '@/lib/quiz/types';
import type { WrongBookEntry } from '@/lib/quiz/wrong-book';
import type { ActivityRecord, CheckInRecord, RevisionRecord, ThemeRecord } from '@/lib/activity/types';
import type { ConsultRecord } from '@/lib/consult/types';

/**
 * The phone's store (IndexedDB via Dexie): the signed-in profile, pulled content, the user's own progress, and
 * the outbox of operations waiting to reach the server. Every version() stays here, in order.
 */
export interface LocalProfile {
  key: 'me';
  id: string;
  name: string;
  phone: string;
  role: Role;
  orgUnitId: string | null;
  orgUnitName: string | null;
  orgPath: string[];
  legalLiterate: boolean;
  legalLiterateSince: string | null;
  /** An administrator reset the password: the app shows only the change-password screen until it is replaced. */
  mustChangePassword?: boolean;
  savedAt: string;
}

export interface OutboxOp {
  id: string;
  seq: number;
  type: string;
  payload: unknown;
  createdAt: string;
  status: 'pending' | 'rejected';
  reason?: string;
  /** The server's code for the reason, shown from the `errors` catalogue in the reader's language. */
  code?: string;
  params?: Record<string, string | number>;
  /** A few words for the person: what this op is about (a lesson title, …). */
  label: string;
}

/** A photo kept on the phone by its SHA-256 until uploaded (and after, so one's own photos show offline). */
export interface LocalFile {
  hash: string;
  blob: Blob;
  type: string;
  size: number;
  /** The record it was taken for (an activity id, …). */
  ownerId: string;
  status: 'pending' | 'uploaded' | 'refused';
  reason?: string;
  code?: string;
  params?: Record<string, string | number>;
  createdAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** The law search index serialized once per set of laws held (signature), so opening search doesn't rebuild it. */
export interface StoredSearchIndex {
  key: 'laws';
  signature: string;
  json: string;
  builtAt: string;
}

export class PufaDB extends Dexie {
  profile!: EntityTable<LocalProfile, 'key'>;
  settings!: EntityTable<Setting, 'key'>;
  outbox!: EntityTable<OutboxOp, 'id'>;
  modules!: EntityTable<ModuleRecord, 'id'>;
  lessons!: EntityTable<LessonRecord, 'id'>;
  tasks!: EntityTable<StudyTaskRecord, 'id'>;
  progress!: EntityTable<ProgressRecord, 'lessonId'>;
  laws!: EntityTable<HeldLaw, 'shortTitle'>;
  lawArticles!: Dexie.Table<HeldArticle, [string, number, number]>;
  articleBookmarks!: Dexie.Table<ArticleBookmark, [string, number, number]>;
  questions!: EntityTable<PracticeQuestion, 'id'>;
  quizAnswers!: EntityTable<LocalQuizAnswer, 'id'>;
  wrongBook!: EntityTable<WrongBookEntry, 'questionId'>;
  dailySets!: EntityTable<LocalDailySet, 'date'>;
  exams!: EntityTable<ExamSummary, 'id'>;
  examPapers!: EntityTable<LocalPaper, 'id'>;
  examAttempts!: EntityTable<LocalAttempt, 'id'>;
  files!: EntityTable<LocalFile, 'hash'>;
  activities!: EntityTable<ActivityRecord, 'id'>;
  checkIns!: EntityTable<CheckInRecord, 'id'>;
  activityThemes!: EntityTable<ThemeRecord, 'id'>;
  activityRevisions!: EntityTable<RevisionRecord, 'id'>;
  consultations!: EntityTable<ConsultRecord, 'id'>;
  thesaurus!: EntityTable<ThesaurusEntry, 'word'>;
  searchIndex!: EntityTable<StoredSearchIndex, 'key'>;

  constructor(name = 'pufa') {
    // Strict durability: an op is on disk when the transaction that wrote it completes, not merely in a cache.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      profile: 'key',
      settings: 'key',
      outbox: 'id, seq, status',
      modules: 'id, slug, sortOrder',
      lessons: 'id, slug, moduleId',
      tasks: 'id, weekStart',
      progress: 'lessonId, completedAt',
    });
    // The law library on the phone: laws kept offline with their articles (addressed by short title + number), bookmarks.
    this.version(2).stores({
      laws: 'shortTitle, category',
      articles: '[law+number], law',
      bookmarks: '[law+number], createdAt',
    });
    // The quiz: practice bank and wrong-answer book, daily sets, exams, downloaded papers and attempts.
    // Pulling from cursor 0 again brings the practice bank to a phone that synced before it existed.
    this.version(3)
      .stores({
        questions: 'id, moduleId',
        quizAnswers: 'id, questionId, at',
        wrongBook: 'questionId, addedAt',
        dailySets: 'date',
        exams: 'id, closesAt',
        examPapers: 'id, examId',
        examAttempts: 'id, examId, status',
      })
      .upgrade((tx) => tx.table('settings').delete('cursor'));
    // Articles and bookmarks are keyed by law + number + sub (刑法's 第X条之Y). IndexedDB cannot change a primary key,
    // so they move to new tables (what the phone held is copied, as 第X条 with sub 0) and the old ones go next.
    this.version(4)
      .stores({ lawArticles: '[law+number+sub], law', articleBookmarks: '[law+number+sub], createdAt' })
      .upgrade(async (tx) => {
        const withSub = <T extends object>(rows: T[]) => rows.map((row) => ({ sub: 0, ...row }));
        await tx.table('lawArticles').bulkPut(withSub(await tx.table('articles').toArray()));
        await tx.table('articleBookmarks').bulkPut(withSub(await tx.table('bookmarks').toArray()));
      });
    this.version(5).stores({ articles: null, bookmarks: null });
    // Photos waiting to upload (and one's own, kept for offline viewing).
    this.version(6).stores({ files: 'hash, status, ownerId' });
    // Activities the person may see, their check-ins and edit history, and the admin's theme list.
    this.version(7)
      .stores({
        activities: 'id, startsAt, kind, orgUnitId, hostId',
        checkIns: 'id, activityId, [activityId+personKey]',
        activityThemes: 'id, sortOrder',
        activityRevisions: 'id, activityId',
      })
      .upgrade((tx) => tx.table('settings').delete('cursor'));
    // Legal consultations this person may read (own requests; a lawyer's queue; all for administrators).
    // Pulling from cursor 0 again brings requests filed before this version.
    this.version(8).stores({ consultations: 'id, status, filedAt' });
    // Law search in villagers' words: the thesaurus (pulled with the content) and the stored search index.
    // Pulling from cursor 0 again brings the thesaurus to a phone that synced before it existed.
    this.version(9)
      .stores({ thesaurus: 'word', searchIndex: 'key' })
      .upgrade((tx) => tx.table('settings').delete('cursor'));
  }
}

let instance: PufaDB | undefined;

export function localDb(): PufaDB {
  instance ??= new PufaDB();
  return instance;
}

export async function getSetting<T>(db: PufaDB, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: PufaDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
