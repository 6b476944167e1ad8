import { describe, expect, it } from 'vitest';
import { countActions } from '@/lib/sync/actions';

const op = (id: string, type: string, payload: object) => ({ id, type, payload }) as Parameters<typeof countActions>[0][number];

describe('countActions', () => {
  it.each([
    { name: 'no operations', ops: [], actions: 0 },
    {
      name: 'one lesson opened, read and completed offline is one action',
      ops: [
        op('1', 'study.open', { lessonId: 'a' }),
        op('2', 'study.read', { lessonId: 'a' }),
        op('3', 'study.complete', { lessonId: 'a' }),
      ],
      actions: 1,
    },
    {
      name: 'two lessons are two actions',
      ops: [op('1', 'study.open', { lessonId: 'a' }), op('2', 'study.complete', { lessonId: 'b' })],
      actions: 2,
    },
    {
      name: 'each answer is its own action',
      ops: [
        op('1', 'quiz.answer', { questionId: 'q1' }),
        op('2', 'quiz.answer', { questionId: 'q1' }),
        op('3', 'study.open', { lessonId: 'a' }),
      ],
      actions: 3,
    },
  ])('$name', ({ ops, actions }) => {
    expect(countActions(ops)).toBe(actions);
  });
});
