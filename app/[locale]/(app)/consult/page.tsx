import { setRequestLocale } from 'next-intl/server';
import { ConsultHome } from '@/components/consult/consult-home';

export default async function ConsultPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <ConsultHome />;
}
