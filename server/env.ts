import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '@/scripts/client-address.mjs';

/**
 * Typed configuration, checked once. A bad value stops the server with a message naming the variable.
 * Without BETTER_AUTH_SECRET a random secret is made once and kept in DATA_DIR, so the demo needs no set-up.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL, or unset for the embedded SQLite database' })
    .optional(),
  FILES_DIR: z.string().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:3000' }).optional(),
  DEMO_PASSWORD: z.string().min(8).default('Pufa-demo-2026'),
  /**
   * Sign-ins one address may make in a minute. Phones on a township office's Wi-Fi share one public address: raise
   * it where a whole meeting room signs in at once. Wrong passwords still lock an account after five either way.
   */
  SIGN_IN_PER_MINUTE: z.coerce.number().int().min(5).max(10_000).default(30),
  /**
   * Comma-separated IP addresses of the reverse proxies in front of the app. Only requests from these may say, in
   * X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it came over HTTPS; scripts/server.mjs
   * applies it (and refuses a bad value on its own, before Next.js starts).
   */
  TRUSTED_PROXY: z
    .string()
    .refine(
      (v) => {
        try {
          parseTrustedProxies(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be comma-separated IP addresses of your reverse proxies, e.g. 127.0.0.1' },
    )
    .optional(),
});

export type Env = z.infer<typeof envSchema> & { BETTER_AUTH_SECRET: string; FILES_DIR: string };

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  let secret = parsed.BETTER_AUTH_SECRET;
  if (!secret) {
    const file = path.join(dataDir, 'auth-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    secret = readFileSync(file, 'utf8').trim();
  }
  // Uploaded photos: one folder several app servers can share (a network mount), by default inside DATA_DIR.
  const filesDir = path.resolve(/*turbopackIgnore: true*/ parsed.FILES_DIR ?? path.join(dataDir, 'files'));
  cached = { ...parsed, DATA_DIR: dataDir, FILES_DIR: filesDir, BETTER_AUTH_SECRET: secret };
  return cached;
}
