import { setRequestLocale } from 'next-intl/server';
import { LawAdmin } from '@/components/admin/laws/law-admin';

export default async function AdminLawsPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <LawAdmin />;
}
