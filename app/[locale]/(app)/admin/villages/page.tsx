import { setRequestLocale } from 'next-intl/server';
import { VillagesAdmin } from '@/components/admin/tools/villages-admin';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminVillagesPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <VillagesAdmin />
    </OnlineOnly>
  );
}
