'use client';
import { lazy } from 'react';
import { useProfile } from '@/hooks/use-profile';

const HomeActivities = lazy(() => import('./home-activities').then((m) => ({ default: m.HomeActivities })));

/**
 * Loads the activity card on 首页 only for the people who log activities, so the home page stays light for everyone
 * else. It suspends to 首页's boundary, so it appears with the other lazy cards instead of pushing them down later.
 */
export function HomeActivitiesSlot() {
  const profile = useProfile();
  if (!profile || !(profile.role === 'publicist' || (profile.role === 'villager' && profile.legalLiterate))) return null;
  return <HomeActivities />;
}
