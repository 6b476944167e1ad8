import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/validations/field-errors';

describe('fieldErrors', () => {
  const schema = z.object({
    name: z.string().min(1, 'name is required'),
    phone: z.string().regex(/^1\d{10}$/, 'bad phone'),
    tags: z.array(z.string().min(2, 'tag too short')),
  });

  it('gives one message per top-level field, the first issue winning', () => {
    const result = schema.safeParse({ name: '', phone: '12', tags: ['a', 'b'] });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ name: 'name is required', phone: 'bad phone', tags: 'tag too short' });
  });

  it('files an issue of the whole form under "_"', () => {
    const result = z
      .object({ a: z.number() })
      .refine(() => false, 'not allowed')
      .safeParse({ a: 1 });
    expect(fieldErrors(result.error!)).toEqual({ _: 'not allowed' });
  });
});
