import { setRequestLocale } from 'next-intl/server';
import { AuditAdmin } from '@/components/admin/tools/audit-admin';
import { OnlineOnly } from '@/components/admin/tools/online-only';

export default async function AdminAuditPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <OnlineOnly>
      <AuditAdmin />
    </OnlineOnly>
  );
}
