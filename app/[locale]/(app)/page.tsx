import { setRequestLocale } from 'next-intl/server';
import { HomeView } from '@/components/home/home-view';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <HomeView />;
}
