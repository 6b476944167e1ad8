import type { AttemptResult, ExamPaper, Response, ReviewItem } from './types';

/** Quiz records that live only on the phone (Dexie), or live there first. */
export interface LocalQuizAnswer {
  id: string;
  questionId: string;
  correct: boolean;
  mode: 'practice' | 'daily' | 'review';
  at: string;
}

export interface LocalDailySet {
  date: string;
  questionIds: string[];
  answers: Record<string, { response: Response; correct: boolean }>;
}

/** A downloaded paper, with the difference between the server's clock and the phone's at download. */
export interface LocalPaper extends ExamPaper {
  clockOffsetMs: number;
}

/**
 * An attempt: in progress (answers saved as the learner goes), submitted (its exam.submit op waits in the outbox or
 * for grading), or graded (the server's result came back in a pull).
 */
export interface LocalAttempt {
  id: string;
  examId: string;
  paperId: string;
  startedAt: string;
  submittedAt: string | null;
  answers: Record<string, Response>;
  status: 'in-progress' | 'submitted' | 'graded';
  result?: AttemptResult;
  review?: ReviewItem[];
}
