'use client';
import NextLink from 'next/link';
import { usePathname as useNextPathname, useRouter as useNextRouter } from 'next/navigation';
import type { ComponentProps } from 'react';
import { useLocale } from './client';
import { routing } from './routing';

/**
 * Locale-aware navigation for client components, in a few lines over next/link and next/navigation: hrefs are
 * written without the locale (`/study`) and get the current one (`/zh/study`) or the one asked for.
 */
export function localizedHref(href: string, locale: string): string {
  if (!href.startsWith('/')) return href;
  return `/${locale}${href === '/' ? '' : href}`;
}

export function Link({
  href,
  locale,
  ...props
}: Omit<ComponentProps<typeof NextLink>, 'href' | 'locale'> & { href: string; locale?: string }) {
  const current = useLocale();
  return <NextLink href={localizedHref(href, locale ?? current)} {...props} />;
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
