'use client';
import { useEffect, useRef } from 'react';
import { READING_HEARTBEAT_MS } from '@/lib/constants';

/**
 * Counts seconds while the page is visible and hands them to `flush` every heartbeat, when the page is hidden,
 * and when the component goes away. Time with the screen off or the app in the background is not counted.
 */
export function useVisibleTime(flush: (seconds: number) => void, active: boolean): void {
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => {
    if (!active) return;
    let since = document.visibilityState === 'visible' ? Date.now() : null;
    const take = () => {
      if (since === null) return;
      const seconds = (Date.now() - since) / 1000;
      since = document.visibilityState === 'visible' ? Date.now() : null;
      if (seconds >= 1) flushRef.current(seconds);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') since = Date.now();
      else take();
    };
    const timer = setInterval(take, READING_HEARTBEAT_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      take();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active]);
}
