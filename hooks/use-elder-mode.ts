'use client';
import { useCallback, useSyncExternalStore } from 'react';

/** 长者版 lives in localStorage so the page can apply it before the first paint (see the layout's script). */
export const ELDER_KEY = 'pufa.elder';
const listeners = new Set<() => void>();

function read(): boolean {
  return document.documentElement.dataset.elder === 'true';
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => false,
  );
  const set = useCallback((value: boolean) => {
    localStorage.setItem(ELDER_KEY, value ? 'true' : 'false');
    document.documentElement.dataset.elder = value ? 'true' : 'false';
    listeners.forEach((l) => l());
  }, []);
  return [on, set];
}
