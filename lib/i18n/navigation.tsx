'use client';
import { usePathname as useNextPathname, useRouter as useNextRouter } from 'next/navigation';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useLocale } from './client';
import { routing } from './routing';

/**
 * Locale-aware navigation for client components over next/navigation: hrefs are written without the locale
 * (`/study`) and get the current one (`/zh/study`) or the one asked for.
 */
export function localizedHref(href: string, locale: string): string {
  if (!href.startsWith('/')) return href;
  return `/${locale}${href === '/' ? '' : href}`;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string;
  locale?: string;
}

/**
 * A plain anchor that navigates inside the app without a page load. Unlike next/link it never prefetches: every
 * page is a static shell the service worker already holds, and the saved kilobytes matter on a cheap phone.
 */
export function Link({ href, locale, onClick, ...props }: LinkProps) {
  const current = useLocale();
  const router = useNextRouter();
  const target = localizedHref(href, locale ?? current);
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || props.target)
      return;
    event.preventDefault();
    router.push(target);
  };
  return <a href={target} onClick={navigate} {...props} />;
}

/** The path without its locale prefix: `/zh/study/lesson` → `/study/lesson`, `/zh` → `/`. */
export function usePathname(): string {
  const pathname = useNextPathname() ?? '/';
  const [, first, ...rest] = pathname.split('/');
  if (first && (routing.locales as readonly string[]).includes(first)) return `/${rest.join('/')}`;
  return pathname;
}

export function useRouter() {
  const router = useNextRouter();
  const current = useLocale();
  return {
    push: (href: string, opts?: { locale?: string }) => router.push(localizedHref(href, opts?.locale ?? current)),
    replace: (href: string, opts?: { locale?: string }) => router.replace(localizedHref(href, opts?.locale ?? current)),
    back: () => router.back(),
    refresh: () => router.refresh(),
  };
}
