import { setRequestLocale } from 'next-intl/server';
import { HomeActivitiesSlot } from '@/components/activity/home-activities-slot';
import { HomeTasks } from '@/components/study/home-tasks';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <div className="flex flex-col gap-4">
      <HomeTasks />
      <HomeActivitiesSlot />
    </div>
  );
}
