import { setRequestLocale } from 'next-intl/server';
import { DailySet } from '@/components/quiz/daily-set';

export default async function DailyPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <DailySet />;
}
