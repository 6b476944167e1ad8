import { setRequestLocale } from 'next-intl/server';
import { ReportView } from '@/components/report/report-view';

export default async function ReportPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <ReportView />;
}
