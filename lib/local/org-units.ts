import { getSetting, localDb, setSetting } from './db';

/** The org tree kept on the phone for forms that must work offline (refreshed from /api/org-units when online). */
export interface OrgUnitOption {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  path: string;
}

export async function cachedOrgUnits(): Promise<OrgUnitOption[]> {
  return (await getSetting<OrgUnitOption[]>(localDb(), 'orgUnits')) ?? [];
}

export async function refreshOrgUnits(): Promise<void> {
  if (!navigator.onLine) return;
  const response = await fetch('/api/org-units', { credentials: 'same-origin', cache: 'no-store' }).catch(() => null);
  if (!response?.ok) return;
  const { orgUnits } = (await response.json()) as { orgUnits: OrgUnitOption[] };
  await setSetting(localDb(), 'orgUnits', orgUnits);
}
