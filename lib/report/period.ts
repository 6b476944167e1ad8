/**
 * Report periods are calendar days in China Standard Time (UTC+8, no daylight saving), both ends inclusive. A record
 * belongs to the period holding its own moment in CST: an activity its start, a lesson its completion, an exam attempt
 * its submission, a consultation its filing. So an event at 23:30 on 31 December CST belongs to that year.
 */
export function periodBounds(from: string, to: string): { fromIso: string; toIso: string } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${to}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { fromIso: start.toISOString(), toIso: end.toISOString() };
}

/** The CST calendar month (YYYY-MM) of an ISO instant. */
export function chinaMonth(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}
