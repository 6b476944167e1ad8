'use client';
import { useTranslations } from '@/lib/i18n/client';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { tabsFor, type Role, type Tab } from '@/lib/roles';
import { BookIcon, ChartIcon, ChatIcon, FlagIcon, GearIcon, HomeIcon, PenIcon, PersonIcon } from '@/components/ui/icons';

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

const ICON: Record<Tab, typeof HomeIcon> = {
  home: HomeIcon,
  study: BookIcon,
  quiz: PenIcon,
  activity: FlagIcon,
  consult: ChatIcon,
  me: PersonIcon,
  admin: GearIcon,
  report: ChartIcon,
};

/** The bottom tabs; which ones a person sees depends on their role. */
export function TabBar({ role }: { role: Role }) {
  const t = useTranslations('tabs');
  const pathname = usePathname();
  const tabs = tabsFor(role);
  return (
    <nav aria-label={t('label')} className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)]">
      <ul className="mx-auto grid max-w-3xl" style={{ gridTemplateColumns: `repeat(${tabs.length}, minmax(0, 1fr))` }}>
        {tabs.map((tab) => {
          // the law library is reached from 学习, so it keeps that tab lit
          const active =
            tab === 'home' ? pathname === '/' : pathname.startsWith(HREF[tab]) || (tab === 'study' && pathname.startsWith('/laws'));
          const Icon = ICON[tab];
          return (
            <li key={tab}>
              <Link
                href={HREF[tab]}
                aria-current={active ? 'page' : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs ${active ? 'font-bold text-brand' : 'text-muted'}`}
              >
                <Icon />
                {t(tab)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
