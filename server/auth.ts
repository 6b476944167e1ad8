import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { admin, username } from 'better-auth/plugins';
import { uuidv7 } from 'uuidv7';
import { SESSION_IDLE_MS } from '@/lib/constants';
import { phoneSchema } from '@/lib/validations/user';
import { database } from './db';
import { env } from './env';
import { recordAudit } from './audit';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from './login-lock';
import { hashPassword, verifyPassword } from './passwords';

/**
 * better-auth, configured for phone-number accounts: the 11-digit mobile number is the username, sessions live in
 * the database (so several app servers share them), idle sessions expire after 7 days, and five failed logins
 * lock the account for 30 minutes.
 */
function createAuth() {
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
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/username': { window: 60, max: 30 } },
    },
    advanced: { database: { generateId: () => uuidv7() } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/username') return;
        const name = String((ctx.body as { username?: unknown } | undefined)?.username ?? '');
        const until = await lockedUntil(handle.db, name);
        if (until) {
          throw new APIError('FORBIDDEN', {
            code: 'ACCOUNT_LOCKED',
            message: `ACCOUNT_LOCKED:${until.toISOString()}`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/username') return;
        const name = String((ctx.body as { username?: unknown } | undefined)?.username ?? '');
        if (!phoneSchema.safeParse(name).success) return;
        const returned = ctx.context.returned;
        const who = await handle.db.selectFrom('user').select(['id', 'role']).where('username', '=', name).executeTakeFirst();
        const audit = (action: string) =>
          recordAudit(handle.db, { actorId: who?.id ?? '', actorRole: who?.role ?? '', action, subjectKind: 'phone', subjectId: name });
        if (isAPIError(returned)) {
          if (returned.status === 'UNAUTHORIZED') await recordLoginFailure(handle.db, name);
          await audit('sign-in-failed');
        } else {
          await clearLoginFailures(handle.db, name);
          await audit('sign-in');
        }
      }),
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
  if (!host) return undefined;
  const proto = request?.headers.get('x-forwarded-proto') ?? new URL(request!.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { pufaAuth?: Auth };

export function auth(): Auth {
  globalForAuth.pufaAuth ??= createAuth();
  return globalForAuth.pufaAuth;
}
