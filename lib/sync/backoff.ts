import { SYNC_BACKOFF_BASE_MS, SYNC_BACKOFF_MAX_MS } from '@/lib/constants';

/**
 * Delay before retry number `attempt` (1 = first retry): exponential from the base, capped, with "full jitter"
 * so a village's phones that lose signal together don't all come back at the same second.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = SYNC_BACKOFF_BASE_MS,
  maxMs = SYNC_BACKOFF_MAX_MS,
): number {
  if (attempt <= 0) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
