'use client';
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * Dexie's live query as a hook: `undefined` while loading, then the result, re-run whenever the tables it read
 * change. The same contract as dexie-react-hooks' useLiveQuery in a few lines, because every page loads it.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (result) => setValue(() => result),
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller's deps decide when the query is a new one, as in dexie-react-hooks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
