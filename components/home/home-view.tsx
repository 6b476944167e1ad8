'use client';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { useProfile } from '@/hooks/use-profile';
import { useSettled } from '@/hooks/use-settled';
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

/** The cards of the first screen, shown at once; the lazy cards after them appear together (see HomeView). */
const FIRST_SCREEN = new Set<HomeSection>([GreetingCard, WeekTasksCard]);

export function HomeView() {
  const t = useTranslations('home');
  const profile = useProfile();
  // The lazy cards stay invisible (keeping their place) until they have settled: each appears when its own query
  // answers, and one by one they pushed the cards shown before them down the screen (Lighthouse measured a layout
  // shift of 0.16 on a villager's 首页). One Suspense boundary, so none waits for its code alone either.
  const [laterRef, laterSettled] = useSettled();
  if (!profile) return <p role="status">{t('loading')}</p>;
  const sections = HOME_SECTIONS[profile.role];
  const first = sections.findIndex((Section) => !FIRST_SCREEN.has(Section));
  const [shown, rest] = first === -1 ? [sections, []] : [sections.slice(0, first), sections.slice(first)];
  return (
    <div className="flex flex-col gap-4">
      {shown.map((Section, i) => (
        <Section key={i} profile={profile} />
      ))}
      <div ref={laterRef} className={`flex flex-col gap-4 ${laterSettled ? '' : 'invisible'}`}>
        <Suspense fallback={null}>
          {rest.map((Section, i) => (
            <Section key={i} profile={profile} />
          ))}
        </Suspense>
      </div>
    </div>
  );
}
