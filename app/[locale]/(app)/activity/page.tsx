import { setRequestLocale } from 'next-intl/server';
import { ActivityList } from '@/components/activity/activity-list';

export default async function ActivityPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <ActivityList />;
}
