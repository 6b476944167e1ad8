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
  ranking: UnitRow[];
  questions: (QuestionStats & { stem: string; type: string })[];
}
