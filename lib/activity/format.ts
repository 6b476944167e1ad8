/** A short local date and time for activity lists: 3月2日 09:00 / Mar 2, 09:00. */
export function formatWhen(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
