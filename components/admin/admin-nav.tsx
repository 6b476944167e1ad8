'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Link, usePathname } from '@/lib/i18n/navigation';

/** The sections of 管理, in order; a new section is one entry here and one page under app/[locale]/(app)/admin/. */
export const ADMIN_SECTIONS = [
  { key: 'tasks', href: '/admin/tasks' },
  { key: 'users', href: '/admin/users' },
  { key: 'user-import', href: '/admin/user-import' },
  { key: 'content', href: '/admin/content' },
  { key: 'questions', href: '/admin/questions' },
  { key: 'question-bank', href: '/admin/question-bank' },
  { key: 'exams', href: '/admin/exams' },
  { key: 'exam-manage', href: '/admin/exam-manage' },
  { key: 'laws', href: '/admin/laws' },
  { key: 'thesaurus', href: '/admin/thesaurus' },
  { key: 'villages', href: '/admin/villages' },
  { key: 'audit', href: '/admin/audit' },
] as const;

/** The admin sub-navigation: a row of section links that wraps on a phone. */
export function AdminNav() {
  const t = useTranslations('admin.sections');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-2">
        {ADMIN_SECTIONS.map((s) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.key}>
              <Link
                href={s.href}
                aria-current={active ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 font-medium ${
                  active ? 'border-brand bg-brand text-white' : 'border-line bg-surface hover:border-brand'
                }`}
              >
                {t(s.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
