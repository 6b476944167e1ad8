import { setRequestLocale } from 'next-intl/server';
import { QuestionImport } from '@/components/admin/tools/question-import';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminQuestionBankPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <QuestionImport />
    </OnlineOnly>
  );
}
