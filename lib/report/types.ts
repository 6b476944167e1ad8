/** Figures for the annual report, each counted from records under one org unit and in one period. */
export interface VillageFigures {
  id: string;
  name: string;
  legalLiterate: number;
  hamlets: number;
  hamletsCovered: number;
  completions: number;
  learners: number;
}

export interface ReportFigures {
  orgUnitId: string;
  from: string;
  to: string;
  legalLiterate: number;
  villages: number;
  villagesCovered: number;
  hamlets: number;
  hamletsCovered: number;
  completions: number;
  learners: number;
  studyHours: number;
  byVillage: VillageFigures[];
}
