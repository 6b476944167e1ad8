'use client';
import { useEffect, useState } from 'react';

/**
 * `[ref, settled]`: settled once the element (given by the callback ref) has had content and kept the same height
 * for `quietMs`, or `maxWaitMs` after it appeared, so content that never settles is not hidden for long. For a group
 * of cards that each appear when their own query answers: shown while settling, the ones that answered first were
 * pushed down by those above them.
 */
export function useSettled(quietMs = 150, maxWaitMs = 1500): [(element: HTMLElement | null) => void, boolean] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!element || settled) return;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(quiet);
      if (element.offsetHeight > 0) quiet = setTimeout(() => setSettled(true), quietMs);
    });
    observer.observe(element);
    const limit = setTimeout(() => setSettled(true), maxWaitMs);
    return () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
    };
  }, [element, settled, quietMs, maxWaitMs]);
  return [setElement, settled];
}
