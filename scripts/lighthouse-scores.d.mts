export type Scores = Record<string, number | null>;

interface AuditResult {
  id: string;
  score: number | null;
  displayValue?: string;
  details?: { items?: Array<Record<string, unknown>> } & Record<string, unknown>;
}
/** The parts of a Lighthouse result (LHR) these functions read. */
export interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> } | undefined>;
  audits: Record<string, AuditResult | undefined>;
}
export interface CostlyAudit {
  id: string;
  score: number;
  displayValue?: string;
  lost: number;
}
export interface Miss {
  category: string;
  score: number | null;
  min: number;
  audits: CostlyAudit[];
}

export const LIGHTHOUSE_THRESHOLDS: Record<string, number>;
export function categoryScores(lhr: Lhr, thresholds?: Record<string, number>): Scores;
export function medianScores(runs: Scores[]): Scores;
export function costlyAudits(lhr: Lhr, categoryId: string): CostlyAudit[];
export function missedCategories(scores: Scores, lhr: Lhr, thresholds?: Record<string, number>): Miss[];
export function describeMiss(miss: Miss): string;
export function leavingRequests(lhr: Lhr, allowedHosts: string[]): string[];
