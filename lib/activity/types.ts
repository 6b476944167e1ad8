/**
 * Activities as the phone and the report see them. Kinds are counted separately in the annual report; study
 * sessions (集中学习) carry their own kind; 法律明白人 log their duties as activities with an outcome.
 */
export const ACTIVITY_KINDS = [
  'publicity',
  'lecture',
  'consultation',
  'visitSchool',
  'visitAgency',
  'visitEnterprise',
  'visitVillage',
  'study',
  'dutyDispute',
  'dutyNeighbour',
  'dutyPublicity',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const DUTY_KINDS = ['dutyDispute', 'dutyNeighbour', 'dutyPublicity'] as const satisfies readonly ActivityKind[];
export const STUDY_KINDS = ['partyCommittee', 'mondayMeeting', 'centralGroup', 'other'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];
/** What a 法律明白人 did about a dispute or a neighbour's problem. */
export const DUTY_OUTCOMES = ['resolved', 'reported', 'helped', 'referred'] as const;
export type DutyOutcome = (typeof DUTY_OUTCOMES)[number];

export const MATERIALS = ['banners', 'posters', 'leaflets', 'brochures', 'gifts'] as const;
export type Material = (typeof MATERIALS)[number];
export type Materials = Record<Material, number>;

export const CHECK_IN_METHODS = ['link', 'scan', 'hostScan', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export function isDutyKind(kind: ActivityKind): boolean {
  return (DUTY_KINDS as readonly string[]).includes(kind);
}

/** Check-ins are accepted from an hour before the start until two hours after the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60_000;
export const CHECK_IN_CLOSES_AFTER_MS = 2 * 60 * 60_000;

export function checkInWindow(a: { startsAt: string; endsAt: string }): { opens: string; closes: string } {
  return {
    opens: new Date(new Date(a.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS).toISOString(),
    closes: new Date(new Date(a.endsAt).getTime() + CHECK_IN_CLOSES_AFTER_MS).toISOString(),
  };
}

/** The month an activity counts in, and the unit the admin locks: 2026-03. */
export function periodOf(startsAt: string): string {
  return startsAt.slice(0, 7);
}

export interface ActivityRecord extends Materials {
  id: string;
  kind: ActivityKind;
  studyKind: StudyKind | null;
  dutyOutcome: DutyOutcome | null;
  themeId: string | null;
  title: string;
  orgUnitId: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  startsAt: string;
  endsAt: string;
  hostId: string;
  hostName: string;
  staff: string;
  audience: number;
  notes: string;
  photos: string[];
  /** Only the host's and administrators' phones receive it (it is what the QR code carries). */
  checkInCode: string | null;
  version: number;
  updatedAt: string;
}

export interface CheckInRecord {
  id: string;
  activityId: string;
  personKey: string;
  userId: string | null;
  name: string;
  orgUnitId: string | null;
  method: CheckInMethod;
  checkedInAt: string;
}

export interface ThemeRecord {
  id: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface RevisionRecord {
  id: string;
  activityId: string;
  editorId: string;
  editorName: string;
  version: number;
  changes: Record<string, [unknown, unknown]>;
  editedAt: string;
}

export interface ActivityPullChanges {
  activities: ActivityRecord[];
  checkIns: CheckInRecord[];
  themes: ThemeRecord[];
  revisions: RevisionRecord[];
  lockedPeriods: string[];
}
