import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/local/uuid';
import { syncOpSchema } from '@/lib/validations/sync';

/** The phone's UUID v7: the RFC's layout, accepted by the server's schema, and ids in the order they were made. */
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7 on the phone', () => {
  it('has version 7, the RFC variant and the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    expect(id).toMatch(V7);
    expect(timeOf(id)).toBeGreaterThanOrEqual(before);
    expect(timeOf(id)).toBeLessThanOrEqual(Date.now());
    expect(timeOf(uuidv7(Date.UTC(2030, 0, 1)))).toBe(Date.UTC(2030, 0, 1));
  });

  it('is accepted as an op id by the server', () => {
    const at = new Date().toISOString();
    expect(syncOpSchema.safeParse({ id: uuidv7(), seq: 1, type: 'study.open', payload: {}, createdAt: at }).success).toBe(true);
  });

  it('sorts in the order ids were made, within one millisecond, past 4,096 of them and when the clock steps back', () => {
    const t = Date.UTC(2031, 5, 1);
    const ids = [
      ...Array.from({ length: 6000 }, () => uuidv7(t)),
      ...Array.from({ length: 100 }, () => uuidv7(t - 5000)),
      ...Array.from({ length: 2000 }, () => uuidv7()),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});
