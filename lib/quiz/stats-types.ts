import type { QuestionStats } from './stats';
import type { ExamSummary } from './types';

/** An exam's statistics as GET /api/exams/[id]/stats sends them to the admin screen. */
export interface UnitRow {
  orgUnitId: string;
  name: string;
  level: string;
  audience: number;
  participants: number;
  passed: number;
  averageScore: number | null;
}

export interface ExamStats {
  exam: ExamSummary;
  audience: number;
  participants: number;
  attempts: number;
  passed: number;
  averageScore: number | null;
  distribution: number[];
  byUnit: UnitRow[];
  /** Villages with at least MIN_RANKING_GROUP participants, best average first. */
  ranking: UnitRow[];
  /** How many villages with participants were left out of the ranking for having fewer than MIN_RANKING_GROUP. */
  rankingHidden: number;
  questions: (QuestionStats & { stem: string; type: string })[];
}
