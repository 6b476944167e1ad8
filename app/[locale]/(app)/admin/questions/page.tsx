import { setRequestLocale } from 'next-intl/server';
import { OnlineOnly } from '@/components/admin/tools/online-only';
import { QuestionsAdmin } from '@/components/admin/tools/questions-admin';

export default async function AdminQuestionsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <QuestionsAdmin />
    </OnlineOnly>
  );
}
