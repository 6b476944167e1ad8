import type { ActivityPullChanges } from '@/lib/activity/types';
import type { ConsultPullChanges } from '@/lib/consult/types';
import type { QuizPullChanges } from '@/lib/quiz/types';
import type { Role } from '@/lib/roles';

/** Study content and progress as they travel from server to phone and live in Dexie. */
export interface ModuleRecord {
  id: string;
  slug: string;
  sortOrder: number;
  theme: string;
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
}

export interface Citation {
  law: string;
  article: number;
  /** Y of 第X条之Y; absent for 第X条 */
  sub?: number;
}

export interface LessonRecord {
  id: string;
  slug: string;
  moduleId: string;
  sortOrder: number;
  title: string;
  titleEn: string;
  minutes: number;
  body: string;
  cites: Citation[];
}

export interface StudyTaskRecord {
  id: string;
  weekStart: string;
  lessonId: string | null;
  moduleId: string | null;
  roles: Role[];
  orgUnitIds: string[];
  note: string;
  /** Set on a deleted task, so the phone drops it. */
  deleted?: true;
}

export interface ProgressRecord {
  lessonId: string;
  openedAt: string | null;
  completedAt: string | null;
  secondsSpent: number;
}

// The quiz's part is optional so a phone copes with a server that predates it.
/** A thesaurus row as pulled: removed rows tell the phone to drop the word. */
export interface ThesaurusRecord {
  word: string;
  phrases: string[];
  theme: string;
  removed: boolean;
}

export interface PullResponse extends Partial<QuizPullChanges>, Partial<ActivityPullChanges>, Partial<ConsultPullChanges> {
  cursor: number;
  /** content an administrator archived or deleted since the cursor: the phone drops it (absent from older servers) */
  removed?: { modules: string[]; lessons: string[]; questions: string[] };
  /** absent from servers older than the thesaurus */
  thesaurus?: ThesaurusRecord[];
  modules: ModuleRecord[];
  lessons: LessonRecord[];
  tasks: StudyTaskRecord[];
  progress: ProgressRecord[];
  /** short titles of laws an admin retired since the cursor: the phone deletes its copies */
  retiredLaws?: string[];
}
