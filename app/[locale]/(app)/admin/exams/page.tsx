import { setRequestLocale } from 'next-intl/server';
import { ExamAdmin } from '@/components/admin/exams/exam-admin';

export default async function ExamAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <ExamAdmin />;
}
