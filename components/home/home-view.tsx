'use client';
import type { ComponentType } from 'react';
import { useTranslations } from '@/lib/i18n/client';
import { useProfile } from '@/hooks/use-profile';
import type { LocalProfile } from '@/lib/local/db';
import type { Role } from '@/lib/roles';
import { AdminAttentionCard } from './admin-attention-card';
import { ContinueCard } from './continue-card';
import { DailyCard } from './daily-card';
import { GreetingCard } from './greeting-card';
import { LawSearchCard } from './law-search-card';
import { MonthCard } from './month-card';
import { WeekTasksCard } from './week-tasks-card';

export type HomeSection = ComponentType<{ profile: LocalProfile }>;

/**
 * 首页 per role: the cards each role's day starts with, in order. A capability adds its own card here (the
 * publicist's events, the lawyer's queue) rather than editing the cards of others.
 */
export const HOME_SECTIONS: Record<Role, HomeSection[]> = {
  cadre: [GreetingCard, WeekTasksCard, DailyCard, ContinueCard, MonthCard, LawSearchCard],
  villager: [GreetingCard, WeekTasksCard, DailyCard, ContinueCard, MonthCard, LawSearchCard],
  admin: [GreetingCard, AdminAttentionCard, LawSearchCard],
  publicist: [GreetingCard, ContinueCard, LawSearchCard, MonthCard],
  lawyer: [GreetingCard, LawSearchCard, ContinueCard, MonthCard],
};

export function HomeView() {
  const t = useTranslations('home');
  const profile = useProfile();
  if (!profile) return <p role="status">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-4">
      {HOME_SECTIONS[profile.role].map((Section, i) => (
        <Section key={i} profile={profile} />
      ))}
    </div>
  );
}
