import { parseArticleKey } from '@/lib/laws/article-ref';
import type { Role } from '@/lib/roles';

/** Questions, exams and attempts as they travel between server and phone and live in Dexie. */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Chosen option indices for single/multiple, true or false for truefalse. */
export type Response = number[] | boolean;

export interface Basis {
  law: string;
  article: number;
  /** Y of 第X条之Y */
  sub?: number;
}

/** A question as a paper shows it: never its key, explanation or basis. */
export interface PaperQuestion {
  id: string;
  type: QuestionType;
  stem: string;
  options: string[];
}

/** A practice question with its key: only questions of the practice pool ever reach the phone like this. */
export interface PracticeQuestion extends PaperQuestion {
  moduleId: string;
  answer: Response;
  explanation: string;
  basis: Basis[];
  tags: string[];
  difficulty: number;
}

export type CountingRule = 'highest' | 'last';
/** What a learner may see of their attempt once the exam has closed. */
export type ReviewPolicy = 'none' | 'mine' | 'full';

export interface DrawRule {
  tag: string | null;
  type: QuestionType;
  count: number;
}

export interface ExamSummary {
  id: string;
  title: string;
  description: string;
  roles: Role[];
  orgUnitIds: string[];
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  countingRule: CountingRule;
  review: ReviewPolicy;
  showRanking: boolean;
  questionCount: number;
}

export interface ExamPaper {
  id: string;
  examId: string;
  downloadedAt: string;
  questions: PaperQuestion[];
}

/** A graded attempt as the server reports it to its owner. */
export interface AttemptResult {
  id: string;
  examId: string;
  paperId: string;
  attemptNo: number;
  startedAt: string;
  submittedAt: string;
  score: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  gradedAt: string;
}

export interface ReviewItem {
  question: PaperQuestion;
  response: Response | null;
  correct: boolean;
  answer?: Response;
  explanation?: string;
  basis?: Basis[];
}

export interface QuizPullChanges {
  questions: PracticeQuestion[];
  exams: ExamSummary[];
  attempts: AttemptResult[];
}

/** `民法典:1042` → {民法典, 1042}; `刑法:133-1` → {刑法, 133, sub 1}. */
export function parseBasis(ref: string): Basis {
  const [law = '', key = '0'] = ref.split(':');
  const article = parseArticleKey(key);
  return { law, article: article?.number ?? 0, ...(article?.sub ? { sub: article.sub } : {}) };
}
