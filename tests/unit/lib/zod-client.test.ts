import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWithoutCompiling } from '@/lib/zod-client';

describe('zod on the phone', () => {
  afterEach(() => void z.config({ jitless: false }));

  it('is told not to compile parsers through the config object zod itself reads', () => {
    expect(z.config().jitless).not.toBe(true);
    parseWithoutCompiling();
    expect(z.config().jitless).toBe(true);
    // Parsing still works without compiled parsers.
    expect(z.object({ id: z.string() }).parse({ id: 'a' })).toEqual({ id: 'a' });
  });
});
