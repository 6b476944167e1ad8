import { setRequestLocale } from 'next-intl/server';
import { ExamManage } from '@/components/admin/tools/exam-manage';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminExamManagePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <ExamManage />
    </OnlineOnly>
  );
}
