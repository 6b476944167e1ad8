'use client';
import { useTranslations } from '@/lib/i18n/client';
import { useEffect, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { useOnlineStatus } from '@/hooks/use-online-status';
import { api } from '@/lib/api-client';
import { Link } from '@/lib/i18n/navigation';
import type { OrgOption } from './org-select';
import { TaskForm } from './task-form';
import { UsersPanel } from './users-panel';

/** The administration pages of issue 12, each its own route under /admin/<section>. */
const ADMIN_TOOLS = ['content', 'question-bank', 'exam-manage', 'thesaurus', 'user-import', 'villages', 'audit'] as const;

/** 管理: users and weekly tasks. It works on live data, so it needs a connection and says so. */
export function AdminView() {
  const t = useTranslations('admin');
  const tl = useTranslations('laws');
  const tt = useTranslations('adminTools');
  const online = useOnlineStatus();
  const [units, setUnits] = useState<OrgOption[]>([]);
  useEffect(() => {
    if (online)
      void api<{ orgUnits: OrgOption[] }>('/api/org-units')
        .then((d) => setUnits(d.orgUnits))
        .catch(() => undefined);
  }, [online]);
  if (!online) return <EmptyState>{t('onlineOnly')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <Link
        href="/admin/exams"
        className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-medium hover:border-brand"
      >
        {t('examsLink')}
      </Link>
      {ADMIN_TOOLS.map((tool) => (
        <Link
          key={tool}
          href={`/admin/${tool}`}
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-medium hover:border-brand"
        >
          {tt(`nav.${tool}`)}
        </Link>
      ))}
      <Link
        href="/admin/laws"
        className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line bg-surface px-4 font-medium hover:border-brand"
      >
        {tl('adminTitle')}
      </Link>
      <TaskForm units={units} />
      <UsersPanel units={units} />
    </div>
  );
}
