'use client';
import { useEffect, useState } from 'react';
import { getSetting, localDb, setSetting } from '@/lib/local/db';

/** Administrative and natural villages to file a request under: fetched online, kept on the phone for offline use. */
export interface VillageOption {
  id: string;
  name: string;
  level: string;
  path: string;
}

export function useVillages(): VillageOption[] | undefined {
  const [villages, setVillages] = useState<VillageOption[]>();
  useEffect(() => {
    let live = true;
    const db = localDb();
    void getSetting<VillageOption[]>(db, 'villages').then((kept) => {
      if (live && kept) setVillages(kept);
    });
    if (navigator.onLine)
      void fetch('/api/org-units', { credentials: 'same-origin' })
        .then((r) => (r.ok ? (r.json() as Promise<{ orgUnits: VillageOption[] }>) : null))
        .then(async (body) => {
          if (!body) return;
          const list = body.orgUnits.filter((u) => u.level === 'village' || u.level === 'hamlet');
          await setSetting(db, 'villages', list);
          if (live) setVillages(list);
        })
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return villages;
}
