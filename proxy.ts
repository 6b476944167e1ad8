import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Everything but the API, Next's own files, the service worker and files with an extension.
  matcher: ['/((?!api|_next|sw.js|.*\\..*).*)'],
};
