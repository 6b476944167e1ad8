'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Card } from '@/components/ui/card';
import { RowLink } from '@/components/home/row-link';
import { ADMIN_SECTIONS } from './admin-nav';

/** 管理's first page: each section with what it is for. */
export function AdminIndex() {
  const t = useTranslations('admin.sections');
  const ta = useTranslations('admin');
  return (
    <Card aria-labelledby="admin-index-title">
      <h1 id="admin-index-title" className="text-xl font-bold">
        {ta('title')}
      </h1>
      <ul>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.key} className="border-t border-line first:border-t-0">
            <RowLink href={s.href}>
              <span className="block font-medium">{t(s.key)}</span>
              <span className="block text-sm text-muted">{t(`${s.key}About`)}</span>
            </RowLink>
          </li>
        ))}
      </ul>
    </Card>
  );
}
