import { MATERIALS, periodOf, type ActivityRecord, type CheckInRecord, type Materials } from './types';

/** Filtering and totals for the activity list (pure, so the totals on top always match the rows below). */
export interface ActivityFilter {
  period: string;
  kind: string;
  themeId: string;
  orgUnitId: string;
}

export interface ActivityTotals extends Materials {
  count: number;
  audience: number;
  checkIns: number;
}

export function filterActivities(activities: ActivityRecord[], filter: ActivityFilter, unitPaths: Map<string, string>): ActivityRecord[] {
  const underPath = filter.orgUnitId ? unitPaths.get(filter.orgUnitId) : undefined;
  return activities
    .filter((a) => !filter.period || periodOf(a.startsAt) === filter.period)
    .filter((a) => !filter.kind || a.kind === filter.kind)
    .filter((a) => !filter.themeId || a.themeId === filter.themeId)
    .filter(
      (a) =>
        !filter.orgUnitId || a.orgUnitId === filter.orgUnitId || Boolean(underPath && unitPaths.get(a.orgUnitId)?.startsWith(underPath)),
    )
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

export function totalsOf(activities: ActivityRecord[], checkIns: CheckInRecord[]): ActivityTotals {
  const ids = new Set(activities.map((a) => a.id));
  const people = new Set(checkIns.filter((c) => ids.has(c.activityId)).map((c) => `${c.activityId}|${c.personKey}`));
  const totals: ActivityTotals = {
    count: activities.length,
    audience: 0,
    checkIns: people.size,
    banners: 0,
    posters: 0,
    leaflets: 0,
    brochures: 0,
    gifts: 0,
  };
  for (const a of activities) {
    totals.audience += a.audience;
    for (const m of MATERIALS) totals[m] += a[m];
  }
  return totals;
}
