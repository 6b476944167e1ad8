import type { Citation } from '@/lib/study/types';
import type { LawSummary } from './types';

/**
 * Which laws a phone keeps offline: the ones its lessons cite, unless the person turned them off, and any other
 * the person turned on. `choices` holds only the person's own decisions (short title → keep or not).
 */
export type LawChoices = Record<string, boolean>;

export function citedLaws(lessons: { cites: Citation[] }[]): Set<string> {
  return new Set(lessons.flatMap((l) => l.cites.map((c) => c.law)));
}

export function keepsLaw(shortTitle: string, cited: Set<string>, choices: LawChoices): boolean {
  return choices[shortTitle] ?? cited.has(shortTitle);
}

export function lawsToKeep(catalog: LawSummary[], cited: Set<string>, choices: LawChoices): LawSummary[] {
  return catalog.filter((law) => keepsLaw(law.shortTitle, cited, choices));
}

/** What to download (missing or an older version on the phone) and what to delete. */
export function offlinePlan(keep: LawSummary[], held: { shortTitle: string; id: string }[]): { download: LawSummary[]; remove: string[] } {
  const heldIds = new Map(held.map((h) => [h.shortTitle, h.id]));
  const kept = new Set(keep.map((l) => l.shortTitle));
  return {
    download: keep.filter((l) => heldIds.get(l.shortTitle) !== l.id),
    remove: held.filter((h) => !kept.has(h.shortTitle)).map((h) => h.shortTitle),
  };
}
