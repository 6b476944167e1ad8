'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { getSetting, localDb } from '@/lib/local/db';
import { LAW_KEYS } from '@/lib/local/laws';
import { citedLaws, keepsLaw, type LawChoices } from '@/lib/laws/offline-choice';
import type { LawSummary } from '@/lib/laws/types';

export interface LibraryEntry extends LawSummary {
  /** the version on the phone, if any */
  held: boolean;
  cited: boolean;
  kept: boolean;
}

/** Every law the phone knows of (the last catalog it fetched, and what it holds), read from Dexie only. */
export function useLawLibrary(): { entries: LibraryEntry[]; error: string | null } | undefined {
  return useLiveQuery(async () => {
    const db = localDb();
    const [catalog, choices, error, held, lessons] = await Promise.all([
      getSetting<LawSummary[]>(db, LAW_KEYS.catalog),
      getSetting<LawChoices>(db, LAW_KEYS.choices),
      getSetting<string | null>(db, LAW_KEYS.error),
      db.laws.toArray(),
      db.lessons.toArray(),
    ]);
    const cited = citedLaws(lessons);
    const byTitle = new Map<string, LawSummary>((catalog ?? []).map((l) => [l.shortTitle, l]));
    for (const law of held) if (!byTitle.has(law.shortTitle)) byTitle.set(law.shortTitle, law);
    const heldTitles = new Set(held.map((l) => l.shortTitle));
    const entries = [...byTitle.values()].map((law) => ({
      ...law,
      held: heldTitles.has(law.shortTitle),
      cited: cited.has(law.shortTitle),
      kept: keepsLaw(law.shortTitle, cited, choices ?? {}),
    }));
    return { entries: entries.sort((a, b) => a.shortTitle.localeCompare(b.shortTitle, 'zh-CN')), error: error ?? null };
  });
}
