'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { tabsFor, type Role, type Tab } from '@/lib/roles';

const HREF: Record<Tab, string> = {
  home: '/',
  study: '/study',
  quiz: '/quiz',
  activity: '/activity',
  consult: '/consult',
  me: '/me',
  admin: '/admin',
  report: '/report',
};

const ICON: Record<Tab, string> = { home: '⌂', study: '📖', quiz: '✎', activity: '⚑', consult: '☏', me: '☺', admin: '⚙', report: '▤' };

/** The bottom tabs; which ones a person sees depends on their role. */
export function TabBar({ role, legalLiterate }: { role: Role; legalLiterate: boolean }) {
  const t = useTranslations('tabs');
  const pathname = usePathname();
  const tabs = tabsFor(role, legalLiterate);
  return (
    <nav aria-label={t('label')} className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)]">
      <ul className="mx-auto grid max-w-3xl" style={{ gridTemplateColumns: `repeat(${tabs.length}, minmax(0, 1fr))` }}>
        {tabs.map((tab) => {
          // the law library is reached from 学习, so it keeps that tab lit
          const active =
            tab === 'home' ? pathname === '/' : pathname.startsWith(HREF[tab]) || (tab === 'study' && pathname.startsWith('/laws'));
          return (
            <li key={tab}>
              <Link
                href={HREF[tab]}
                aria-current={active ? 'page' : undefined}
                className={`flex min-h-14 flex-col items-center justify-center text-xs ${active ? 'font-bold text-brand' : 'text-muted'}`}
              >
                <span aria-hidden="true" className="text-lg leading-none">
                  {ICON[tab]}
                </span>
                {t(tab)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
