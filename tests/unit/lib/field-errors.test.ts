import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/validations/field-errors';

describe('fieldErrors', () => {
  const schema = z.object({
    name: z.string().min(1, 'validation.nameRequired'),
    phone: z.string().regex(/^1\d{10}$/, 'validation.phone'),
    tags: z.array(z.string().min(2, 'validation.tagShort')),
  });

  it('gives one message key per top-level field, the first issue winning', () => {
    const result = schema.safeParse({ name: '', phone: '12', tags: ['a', 'b'] });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ name: 'validation.nameRequired', phone: 'validation.phone', tags: 'validation.tagShort' });
  });

  it("maps zod's own English messages to keys by issue code, so they can be shown in the reader's language", () => {
    const result = z.object({ note: z.string().max(3), count: z.number() }).safeParse({ note: 'long', count: 'x' });
    expect(fieldErrors(result.error!)).toEqual({ note: 'validation.too_big', count: 'validation.invalid_type' });
  });

  it('files an issue of the whole form under "_"', () => {
    const result = z
      .object({ a: z.number() })
      .refine(() => false, 'validation.custom')
      .safeParse({ a: 1 });
    expect(fieldErrors(result.error!)).toEqual({ _: 'validation.custom' });
  });
});
