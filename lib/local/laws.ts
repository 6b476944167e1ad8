import { LAW_CATALOG_REFRESH_MS } from '@/lib/constants';
import { citedLaws, lawsToKeep, offlinePlan, type LawChoices } from '@/lib/laws/offline-choice';
import type { LawDetail, LawSummary } from '@/lib/laws/types';
import { getSetting, localDb, setSetting, type PufaDB } from './db';

/**
 * The laws this phone keeps offline. Downloads the text of the laws to keep (GET /api/laws/:id) into Dexie and
 * deletes the ones no longer kept. Nothing here reaches the server: reading laws is not a reported activity.
 * Offline it does nothing; the phone reads whatever it already holds.
 */
export const LAW_KEYS = { catalog: 'lawCatalog', catalogAt: 'lawCatalogAt', choices: 'lawChoices', error: 'lawSyncError' } as const;

async function getJson<T>(url: string, fetchFn: typeof fetch): Promise<T> {
  const response = await fetchFn(url, { credentials: 'same-origin', cache: 'no-store' });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

async function catalogOf(db: PufaDB, force: boolean, fetchFn: typeof fetch): Promise<LawSummary[]> {
  const at = await getSetting<string>(db, LAW_KEYS.catalogAt);
  const cached = await getSetting<LawSummary[]>(db, LAW_KEYS.catalog);
  if (cached && !force && at && Date.now() - Date.parse(at) < LAW_CATALOG_REFRESH_MS) return cached;
  const { laws } = await getJson<{ laws: LawSummary[] }>('/api/laws', fetchFn);
  await setSetting(db, LAW_KEYS.catalog, laws);
  await setSetting(db, LAW_KEYS.catalogAt, new Date().toISOString());
  return laws;
}

export async function storeLaw(db: PufaDB, detail: LawDetail): Promise<void> {
  const { articles, ...law } = detail;
  await db.transaction('rw', [db.laws, db.lawArticles], async () => {
    await db.lawArticles.where('law').equals(law.shortTitle).delete();
    await db.lawArticles.bulkPut(articles);
    await db.laws.put({ ...law, storedAt: new Date().toISOString() });
  });
}

export async function removeLaw(db: PufaDB, shortTitle: string): Promise<void> {
  await db.transaction('rw', [db.laws, db.lawArticles], async () => {
    await db.lawArticles.where('law').equals(shortTitle).delete();
    await db.laws.delete(shortTitle);
  });
}

let running: Promise<void> = Promise.resolve();

/** Brings the phone's laws in line with the catalog and the person's choices; one run at a time. */
export function syncOfflineLaws(opts: { force?: boolean; db?: PufaDB; fetchFn?: typeof fetch } = {}): Promise<void> {
  const db = opts.db ?? localDb();
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const run = async () => {
    const catalog = await catalogOf(db, opts.force ?? false, fetchFn);
    const choices = (await getSetting<LawChoices>(db, LAW_KEYS.choices)) ?? {};
    const keep = lawsToKeep(catalog, citedLaws(await db.lessons.toArray()), choices);
    const plan = offlinePlan(keep, await db.laws.toArray());
    for (const law of plan.download) await storeLaw(db, (await getJson<{ law: LawDetail }>(`/api/laws/${law.id}`, fetchFn)).law);
    for (const shortTitle of plan.remove) await removeLaw(db, shortTitle);
    await setSetting(db, LAW_KEYS.error, null);
  };
  running = running.catch(() => undefined).then(run);
  return running;
}

/** For the sync loop: never throws, keeps the last problem for the 离线法规 panel to show. */
export async function refreshOfflineLaws(db = localDb()): Promise<void> {
  await syncOfflineLaws({ db }).catch((error: unknown) =>
    setSetting(db, LAW_KEYS.error, error instanceof Error ? error.message : String(error)).catch(() => undefined),
  );
}

export async function chooseLaw(shortTitle: string, keep: boolean, db = localDb()): Promise<void> {
  const choices = (await getSetting<LawChoices>(db, LAW_KEYS.choices)) ?? {};
  await setSetting(db, LAW_KEYS.choices, { ...choices, [shortTitle]: keep });
}
