import type { ReactNode } from 'react';
import { ChevronIcon } from '@/components/ui/icons';
import { Link } from '@/lib/i18n/navigation';

export interface RowLinkProps {
  href: string;
  children: ReactNode;
  /** A badge at the end of the row (state, count). */
  aside?: ReactNode;
}

/** A list row that is one tap target as a whole (at least 44 px high, 48 px in 长者版). */
export function RowLink({ href, children, aside }: RowLinkProps) {
  return (
    <Link
      href={href}
      className="-mx-2 flex min-h-11 items-center gap-3 rounded-lg px-2 py-2 hover:bg-red-50 focus-visible:bg-red-50 active:bg-red-50"
    >
      <span className="min-w-0 flex-1">{children}</span>
      {aside}
      <ChevronIcon width="1.25em" height="1.25em" className="shrink-0 text-muted" />
    </Link>
  );
}
