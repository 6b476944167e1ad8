import { setRequestLocale } from 'next-intl/server';
import { LawLibrary } from '@/components/laws/law-library';

export default async function LawsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <LawLibrary />;
}
