'use client';
import { useEffect, useState } from 'react';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import type { OrgOption } from './org-select';

/** The org tree for the admin forms, loaded when online. */
export function useOrgUnits(): OrgOption[] {
  const online = useOnlineStatus();
  const [units, setUnits] = useState<OrgOption[]>([]);
  useEffect(() => {
    if (online)
      void api<{ orgUnits: OrgOption[] }>('/api/org-units')
        .then((d) => setUnits(d.orgUnits))
        .catch(() => undefined);
  }, [online]);
  return units;
}
