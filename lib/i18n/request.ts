import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { messageFile, routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const messages = (await import(`../../locales/${messageFile[locale]}.json`)).default;
  return { locale, messages, timeZone: 'Asia/Shanghai' };
});
