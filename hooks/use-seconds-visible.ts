'use client';
import { useEffect, useState } from 'react';

/**
 * Seconds this page has been visible since `key` changed (screen off and background not counted), updated each
 * second. Measured from the clock, not by counting ticks, so a throttled timer still counts true time.
 */
export function useSecondsVisible(key: string): number {
  const [seconds, setSeconds] = useState(0);
  const [counted, setCounted] = useState(key);
  if (counted !== key) {
    setCounted(key);
    setSeconds(0);
  }
  useEffect(() => {
    let total = 0;
    let since = document.visibilityState === 'visible' ? Date.now() : null;
    const take = () => {
      const now = Date.now();
      if (since !== null) total += now - since;
      since = document.visibilityState === 'visible' ? now : null;
      setSeconds(Math.floor(total / 1000));
    };
    const timer = setInterval(take, 1000);
    document.addEventListener('visibilitychange', take);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', take);
    };
  }, [key]);
  return seconds;
}
