import 'server-only';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { admin, username } from 'better-auth/plugins';
import { uuidv7 } from 'uuidv7';
import { SESSION_IDLE_MS } from '@/lib/constants';
import { CLIENT_ADDRESS_HEADER } from '@/scripts/client-address.mjs';
import { clientOf } from './client';
import { database } from './db';
import { env } from './env';
import { hashPassword, verifyPassword } from './passwords';

/**
 * better-auth, configured for phone-number accounts: the 11-digit mobile number is the username, sessions live in
 * the database (so several app servers share them), idle sessions expire after 7 days. Only the routes in
 * server/auth-gate.ts reach it over HTTP; the lock on wrong passwords is kept there too.
 *
 * Two instances that differ only in their cookies: `__Secure-` cookies marked Secure for requests that came over
 * HTTPS, ordinary ones for plain http (a phone on the LAN), whose browser would drop a Secure cookie.
 */
function createAuth(secureCookies: boolean) {
  const handle = database();
  const e = env();
  return betterAuth({
    appName: '普法学堂',
    secret: e.BETTER_AUTH_SECRET,
    baseURL: e.BETTER_AUTH_URL,
    database: { db: handle.db, type: handle.kind },
    // The app is opened by whatever address reaches it (127.0.0.1, a LAN address from a phone, a county domain), so
    // the origin a request came to is trusted; a cross-site request carries another site's Origin and is refused.
    trustedOrigins: (request) => [sameSiteOrigin(request), e.BETTER_AUTH_URL],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: SESSION_IDLE_MS / 1000,
      updateAge: 24 * 3600,
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        orgUnitId: { type: 'string', required: false, input: false },
        legalLiterate: { type: 'boolean', required: false, defaultValue: false, input: false },
        legalLiterateSince: { type: 'string', required: false, input: false },
        mustChangePassword: { type: 'boolean', required: false, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/username': { window: 60, max: e.SIGN_IN_PER_MINUTE } },
    },
    advanced: {
      database: { generateId: () => uuidv7() },
      useSecureCookies: secureCookies,
      // Set by scripts/server.mjs from the socket (or a TRUSTED_PROXY), never by the client.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [
      username({
        minUsernameLength: 11,
        maxUsernameLength: 11,
        usernameValidator: (value) => /^1\d{10}$/.test(value),
      }),
      admin({ defaultRole: 'villager', adminRoles: ['admin'], bannedUserMessage: 'ACCOUNT_DISABLED' }),
      nextCookies(),
    ],
  });
}

function sameSiteOrigin(request: Request | undefined): string | undefined {
  const host = request?.headers.get('x-forwarded-host') ?? request?.headers.get('host');
  if (!request || !host) return undefined;
  return `${clientOf(request.headers).https ? 'https' : 'http'}://${host}`;
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { pufaAuth?: { secure?: Auth; plain?: Auth } };

/** The instance whose cookies fit the request's protocol (see server/client.ts). */
export function auth(https: boolean): Auth {
  const instances = (globalForAuth.pufaAuth ??= {});
  if (https) return (instances.secure ??= createAuth(true));
  return (instances.plain ??= createAuth(false));
}
