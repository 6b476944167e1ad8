import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/server/env';

function envError(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseEnv to throw');
}

describe('parseEnv', () => {
  it('fills in the defaults for the embedded demo', () => {
    expect(parseEnv({})).toEqual({ PORT: 3000, DATA_DIR: './data', DEMO_PASSWORD: 'Pufa-demo-2026', SIGN_IN_PER_MINUTE: 30 });
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '', BETTER_AUTH_SECRET: '' })).toEqual(parseEnv({}));
  });

  it.each([
    { name: 'a port number', source: { PORT: '8080' }, check: { PORT: 8080 } },
    { name: 'a postgres:// URL', source: { DATABASE_URL: 'postgres://pufa@db/pufa' }, check: { DATABASE_URL: 'postgres://pufa@db/pufa' } },
    {
      name: 'a postgresql:// URL',
      source: { DATABASE_URL: 'postgresql://pufa@db/pufa' },
      check: { DATABASE_URL: 'postgresql://pufa@db/pufa' },
    },
    { name: 'a 32-character secret', source: { BETTER_AUTH_SECRET: 's'.repeat(32) }, check: { BETTER_AUTH_SECRET: 's'.repeat(32) } },
    { name: 'the trusted proxies', source: { TRUSTED_PROXY: '127.0.0.1,::1' }, check: { TRUSTED_PROXY: '127.0.0.1,::1' } },
    { name: 'a meeting room of sign-ins a minute', source: { SIGN_IN_PER_MINUTE: '120' }, check: { SIGN_IN_PER_MINUTE: 120 } },
  ])('accepts $name', ({ source, check }) => {
    expect(parseEnv(source)).toMatchObject(check);
  });

  it.each([
    { source: { PORT: 'abc' }, variable: 'PORT', says: /number/i },
    { source: { PORT: '70000' }, variable: 'PORT', says: /65535/ },
    { source: { PORT: '0' }, variable: 'PORT', says: /1/ },
    { source: { PORT: '80.5' }, variable: 'PORT', says: /int/i },
    { source: { DATABASE_URL: 'mysql://pufa@db/pufa' }, variable: 'DATABASE_URL', says: /must be a postgres:\/\/ URL/ },
    { source: { DATABASE_URL: './data/pufa.sqlite' }, variable: 'DATABASE_URL', says: /must be a postgres:\/\/ URL/ },
    { source: { BETTER_AUTH_SECRET: 'too-short' }, variable: 'BETTER_AUTH_SECRET', says: /must be at least 32 characters/ },
    { source: { BETTER_AUTH_URL: 'pufa.example.com' }, variable: 'BETTER_AUTH_URL', says: /must be an http\(s\) URL/ },
    { source: { BETTER_AUTH_URL: 'localhost:3000' }, variable: 'BETTER_AUTH_URL', says: /must be an http\(s\) URL/ },
    { source: { DEMO_PASSWORD: 'short' }, variable: 'DEMO_PASSWORD', says: /8/ },
    { source: { TRUSTED_PROXY: 'yes' }, variable: 'TRUSTED_PROXY', says: /IP addresses of your reverse proxies/ },
    { source: { SIGN_IN_PER_MINUTE: '0' }, variable: 'SIGN_IN_PER_MINUTE', says: /5/ },
    { source: { SIGN_IN_PER_MINUTE: 'many' }, variable: 'SIGN_IN_PER_MINUTE', says: /number/i },
  ])('names $variable when it is "$source"', ({ source, variable, says }) => {
    const message = envError(source);
    const line = message.split('\n').find((l) => l.trim().startsWith(`${variable}:`));
    expect(message).toMatch(/^Invalid environment:/);
    expect(line).toBeDefined();
    expect(line).toMatch(says);
  });

  it('names every bad variable at once', () => {
    const message = envError({ PORT: 'abc', DATABASE_URL: 'mysql://x', BETTER_AUTH_SECRET: 'short' });
    expect(
      message
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(':')[0]),
    ).toEqual(['PORT', 'DATABASE_URL', 'BETTER_AUTH_SECRET']);
  });
});
