import { z } from 'zod';

// The app's Content-Security-Policy allows no eval. On its first object parse zod 4 probes `new Function('')` to
// decide whether to compile its parsers; the browser refuses and files a CSP violation for every page load (the one
// issue Lighthouse's best practices found). Tell zod on the phone not to try; the server keeps compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });
