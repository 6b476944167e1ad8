import { describe, expect, it } from 'vitest';
import { pendingInOrder, toBatches, type QueuedOp } from '@/lib/sync/batches';

const op = (id: string, seq: number, status: QueuedOp['status'] = 'pending'): QueuedOp => ({ id, seq, status });

describe('pendingInOrder', () => {
  it.each([
    { name: 'an empty outbox has nothing to send', ops: [], expected: [] },
    { name: 'ops leave in seq order, not insertion order', ops: [op('c', 3), op('a', 1), op('b', 2)], expected: ['a', 'b', 'c'] },
    {
      name: 'rejected ops wait for the person and are not sent',
      ops: [op('a', 1), op('b', 2, 'rejected'), op('c', 3)],
      expected: ['a', 'c'],
    },
    { name: 'an outbox of only rejected ops sends nothing', ops: [op('a', 1, 'rejected'), op('b', 2, 'rejected')], expected: [] },
    { name: 'gaps in the sequence are kept in order', ops: [op('x', 40), op('y', 7), op('z', 1000)], expected: ['y', 'x', 'z'] },
  ])('$name', ({ ops, expected }) => {
    expect(pendingInOrder(ops).map((o) => o.id)).toEqual(expected);
  });

  it('leaves the outbox array it was given untouched', () => {
    const ops = [op('b', 2), op('a', 1)];
    pendingInOrder(ops);
    expect(ops.map((o) => o.id)).toEqual(['b', 'a']);
  });
});

describe('toBatches', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i);

  it.each([
    { count: 0, size: 3, sizes: [] },
    { count: 1, size: 3, sizes: [1] },
    { count: 3, size: 3, sizes: [3] },
    { count: 7, size: 3, sizes: [3, 3, 1] },
    { count: 250, size: 100, sizes: [100, 100, 50] },
    { count: 4, size: 1, sizes: [1, 1, 1, 1] },
    { count: 2, size: 10, sizes: [2] },
  ])('splits $count items into batches of at most $size: $sizes', ({ count, size, sizes }) => {
    const batches = toBatches(items(count), size);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(items(count));
  });

  it.each([0, -1, 0.5])('refuses a batch size of %s', (size) => {
    expect(() => toBatches(items(3), size)).toThrow(RangeError);
  });
});
