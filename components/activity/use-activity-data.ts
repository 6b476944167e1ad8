'use client';
import { useEffect } from 'react';
import { useLiveQuery } from '@/hooks/use-live-query';
import { getSetting, localDb } from '@/lib/local/db';
import { refreshOrgUnits, type OrgUnitOption } from '@/lib/local/org-units';

/** What the activity screens read from the phone: themes, org units, locked months, and which activities wait to sync. */
export function useActivityContext() {
  useEffect(() => {
    void refreshOrgUnits();
  }, []);
  return useLiveQuery(async () => {
    const db = localDb();
    const [themes, orgUnits, locked, outbox] = await Promise.all([
      db.activityThemes.orderBy('sortOrder').toArray(),
      getSetting<OrgUnitOption[]>(db, 'orgUnits'),
      getSetting<string[]>(db, 'lockedPeriods'),
      db.outbox.toArray(),
    ]);
    const waiting = new Map<string, 'pending' | 'rejected'>();
    for (const op of outbox) {
      const p = op.payload as { id?: string; activityId?: string };
      if (op.type === 'activity.save' && p.id) waiting.set(p.id, op.status);
    }
    return { themes, orgUnits: orgUnits ?? [], locked: new Set(locked ?? []), waiting };
  });
}

export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
