'use client';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { useProfile } from '@/hooks/use-profile';
import type { LocalProfile } from '@/lib/local/db';
import type { Role } from '@/lib/roles';
import { HomeActivitiesSlot } from '@/components/activity/home-activities-slot';
import { GreetingCard } from './greeting-card';
import { WeekTasksCard } from './week-tasks-card';

// The cards below the first screen load after it, keeping /zh's first load within its budget (all are precached).
const AdminAttentionCard = lazy(() => import('./admin-attention-card').then((m) => ({ default: m.AdminAttentionCard })));
const ContinueCard = lazy(() => import('./continue-card').then((m) => ({ default: m.ContinueCard })));
const DailyCard = lazy(() => import('./daily-card').then((m) => ({ default: m.DailyCard })));
const LawSearchCard = lazy(() => import('./law-search-card').then((m) => ({ default: m.LawSearchCard })));
const MonthCard = lazy(() => import('./month-card').then((m) => ({ default: m.MonthCard })));

export type HomeSection = ComponentType<{ profile: LocalProfile }>;

/**
 * 首页 per role: the cards each role's day starts with, in order. A capability adds its own card here (the
 * publicist's events, the lawyer's queue) rather than editing the cards of others.
 */
export const HOME_SECTIONS: Record<Role, HomeSection[]> = {
  cadre: [GreetingCard, WeekTasksCard, DailyCard, ContinueCard, MonthCard, LawSearchCard],
  // A 法律明白人 logs activities too: the slot shows their recent ones (and nothing to other villagers).
  villager: [GreetingCard, WeekTasksCard, DailyCard, ContinueCard, HomeActivitiesSlot, MonthCard, LawSearchCard],
  admin: [GreetingCard, AdminAttentionCard, LawSearchCard],
  publicist: [GreetingCard, HomeActivitiesSlot, ContinueCard, LawSearchCard, MonthCard],
  lawyer: [GreetingCard, LawSearchCard, ContinueCard, MonthCard],
};

export function HomeView() {
  const t = useTranslations('home');
  const profile = useProfile();
  if (!profile) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-4">
      {HOME_SECTIONS[profile.role].map((Section, i) => (
        <Suspense key={i} fallback={null}>
          <Section profile={profile} />
        </Suspense>
      ))}
    </div>
  );
}
