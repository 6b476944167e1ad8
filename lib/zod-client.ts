/**
 * The app's Content-Security-Policy allows no eval. On its first object parse zod 4 probes `new Function('')` to
 * decide whether to compile its parsers; the browser refuses and files a CSP violation on every page load (the one
 * issue Lighthouse's best practices found). On the phone zod is told not to try; the server keeps compiled parsers.
 * Through zod's global config object (what `z.config()` writes), so that zod itself stays out of every page's first
 * load: it loads later, with the code that uses it, and reads this setting then.
 */
export function parseWithoutCompiling(): void {
  const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  (holder.__zod_globalConfig ??= {}).jitless = true;
}

if (typeof window !== 'undefined') parseWithoutCompiling();
