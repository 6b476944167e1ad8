import { setRequestLocale } from 'next-intl/server';
import { ContentAdmin } from '@/components/admin/tools/content-admin';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminContentPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <ContentAdmin />
    </OnlineOnly>
  );
}
