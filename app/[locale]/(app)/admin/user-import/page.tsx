import { setRequestLocale } from 'next-intl/server';
import { UserImport } from '@/components/admin/tools/user-import';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminUserImportPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <UserImport />
    </OnlineOnly>
  );
}
