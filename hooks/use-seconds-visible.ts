'use client';
import { useEffect, useState } from 'react';

/** Seconds this page has been visible since `key` changed (screen off and background not counted), ticking each second. */
export function useSecondsVisible(key: string): number {
  const [seconds, setSeconds] = useState(0);
  const [counted, setCounted] = useState(key);
  if (counted !== key) {
    setCounted(key);
    setSeconds(0);
  }
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setSeconds((s) => s + 1);
    }, 1000);
    return () => clearInterval(timer);
  }, [key]);
  return seconds;
}
