import { setRequestLocale } from 'next-intl/server';
import { WrongBook } from '@/components/quiz/wrong-book';

export default async function WrongBookPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <WrongBook />;
}
