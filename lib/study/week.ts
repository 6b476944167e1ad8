/** Weeks run Monday to Sunday, in China Standard Time, as the township's weekly study does. */
const CST_OFFSET_MS = 8 * 3600_000;

export function weekStartOf(date: Date): string {
  const local = new Date(date.getTime() + CST_OFFSET_MS);
  const day = (local.getUTCDay() + 6) % 7;
  local.setUTCDate(local.getUTCDate() - day);
  return local.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
