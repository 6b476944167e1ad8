import { setRequestLocale } from 'next-intl/server';
import { ModuleList } from '@/components/study/module-list';

export default async function StudyPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <ModuleList />;
}
