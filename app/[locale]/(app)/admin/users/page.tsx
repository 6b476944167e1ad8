import { setRequestLocale } from 'next-intl/server';
import { UsersAdmin } from '@/components/admin/users-admin';

export default async function UsersAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <UsersAdmin />;
}
