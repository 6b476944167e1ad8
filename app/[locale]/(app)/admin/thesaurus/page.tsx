import { setRequestLocale } from 'next-intl/server';
import { ThesaurusAdmin } from '@/components/admin/tools/thesaurus-admin';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminThesaurusPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <ThesaurusAdmin />
    </OnlineOnly>
  );
}
