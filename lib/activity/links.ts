/**
 * What the QR codes carry. An activity's code is a plain https link to its check-in page (WeChat's scanner opens
 * links), with the activity id and its secret code; a person's code (我的) is PUFA-P:<user id>|<name>, read only by a host's
 * scanner.
 */
const PERSON_PREFIX = 'PUFA-P:';

export function checkInPath(activityId: string, code: string): string {
  return `/activity/check-in?a=${encodeURIComponent(activityId)}&c=${encodeURIComponent(code)}`;
}

export function checkInUrl(origin: string, locale: string, activityId: string, code: string): string {
  return `${origin}/${locale}${checkInPath(activityId, code)}`;
}

/** The name rides along only so the host's phone can show who it scanned; the server takes the name from the account. */
export function personCode(userId: string, name: string): string {
  return `${PERSON_PREFIX}${userId}|${name}`;
}

export type Scanned =
  { kind: 'activity'; activityId: string; code: string } | { kind: 'person'; userId: string; name: string } | { kind: 'unknown' };

export function parseScanned(text: string): Scanned {
  const value = text.trim();
  if (value.startsWith(PERSON_PREFIX)) {
    const [userId = '', name = ''] = value.slice(PERSON_PREFIX.length).split('|');
    return userId ? { kind: 'person', userId, name } : { kind: 'unknown' };
  }
  try {
    const url = new URL(value, 'http://local.invalid');
    const activityId = url.searchParams.get('a');
    const code = url.searchParams.get('c');
    if (url.pathname.endsWith('/activity/check-in') && activityId && code) return { kind: 'activity', activityId, code };
  } catch {
    // not a link
  }
  return { kind: 'unknown' };
}
