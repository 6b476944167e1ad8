import { setRequestLocale } from 'next-intl/server';
import { HomeTasks } from '@/components/study/home-tasks';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <HomeTasks />;
}
