import { setRequestLocale } from 'next-intl/server';
import { TasksAdmin } from '@/components/admin/tasks-admin';

export default async function TasksAdminPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <TasksAdmin />;
}
