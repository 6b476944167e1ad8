/**
 * Deadlines in working days. Saturdays and Sundays are skipped; public holidays and the make-up working days the
 * State Council announces each year are not (they change yearly), so a deadline over 国庆 or 春节 comes early.
 * Dates are calendar days (YYYY-MM-DD) in China Standard Time.
 */
const CST_OFFSET_MS = 8 * 3600_000;

export function chinaDate(iso: string): string {
  return new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Overdue: not resolved and today (in China) is past the deadline day. */
export function isOverdue(c: { status: string; deadline: string }, nowIso: string): boolean {
  return c.status !== 'resolved' && chinaDate(nowIso) > c.deadline;
}
