import { setRequestLocale } from 'next-intl/server';
import { QuizHome } from '@/components/quiz/quiz-home';

export default async function QuizPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <QuizHome />;
}
