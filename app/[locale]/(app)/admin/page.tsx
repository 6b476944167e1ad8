import { setRequestLocale } from 'next-intl/server';
import { AdminIndex } from '@/components/admin/admin-index';

export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <AdminIndex />;
}
