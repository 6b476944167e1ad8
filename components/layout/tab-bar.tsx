'use client';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTranslations } from '@/lib/i18n/client';
import { getSetting, localDb } from '@/lib/local/db';
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
export function TabBar({ role, legalLiterate }: { role: Role; legalLiterate: boolean }) {
  const t = useTranslations('tabs');
  const pathname = usePathname();
  const tabs = tabsFor(role, legalLiterate);
  // Written after each pull (there is no push service): what waits for this person under 咨询.
  const consultCount = useLiveQuery(() => getSetting<number>(localDb(), 'consultBadge'));
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
                aria-describedby={tab === 'consult' && consultCount ? 'consult-count' : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs ${active ? 'font-bold text-brand' : 'text-muted'}`}
              >
                <span aria-hidden="true" className="relative">
                  <Icon />
                  {tab === 'consult' && consultCount ? (
                    <span className="absolute -top-1 left-4 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-bold text-white">
                      {consultCount}
                    </span>
                  ) : null}
                </span>
                {t(tab)}
                {tab === 'consult' && consultCount ? (
                  <span id="consult-count" hidden>
                    {t('consultCount', { count: consultCount })}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
