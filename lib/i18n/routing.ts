import { defineRouting } from 'next-intl/routing';

/** The one list of locales. The locale lives in the URL so every page can be prerendered and precached. */
export const routing = defineRouting({
  locales: ['zh', 'en'],
  defaultLocale: 'zh',
  localePrefix: 'always',
});

export type Locale = (typeof routing.locales)[number];

/** Message catalogue file for each URL locale. */
export const messageFile: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
