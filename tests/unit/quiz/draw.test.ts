import { describe, expect, it } from 'vitest';
import { DrawError, drawQuestions, seededRandom } from '@/lib/quiz/draw';
import type { QuestionType } from '@/lib/quiz/types';

const bank = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, type: 'single' as QuestionType, tags: i < 4 ? ['宪法', '村委会'] : ['民法典'] })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, type: 'multiple' as QuestionType, tags: i < 3 ? ['宪法'] : ['民法典'] })),
  ...Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, type: 'truefalse' as QuestionType, tags: ['宪法'] })),
];
const byId = new Map(bank.map((q) => [q.id, q]));

describe('drawQuestions', () => {
  it('draws the asked number of each type and tag, without repeats', () => {
    const rules = [
      { tag: '村委会', type: 'single' as const, count: 3 },
      { tag: null, type: 'single' as const, count: 5 },
      { tag: '宪法', type: 'multiple' as const, count: 2 },
      { tag: null, type: 'truefalse' as const, count: 5 },
    ];
    const drawn = drawQuestions(bank, rules, seededRandom('paper-1'));
    expect(drawn).toHaveLength(15);
    expect(new Set(drawn).size).toBe(15);
    expect(drawn.slice(0, 3).every((id) => byId.get(id)?.tags.includes('村委会'))).toBe(true);
    expect(drawn.slice(3, 8).every((id) => byId.get(id)?.type === 'single')).toBe(true);
    expect(drawn.slice(8, 10).every((id) => byId.get(id)?.type === 'multiple' && byId.get(id)?.tags.includes('宪法'))).toBe(true);
    expect(drawn.slice(10).sort()).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('draws the same paper from the same seed and, usually, another from another seed', () => {
    const rules = [{ tag: null, type: 'single' as const, count: 4 }];
    const a = drawQuestions(bank, rules, seededRandom('seed-a'));
    expect(drawQuestions(bank, rules, seededRandom('seed-a'))).toEqual(a);
    const others = ['b', 'c', 'd', 'e'].map((s) => drawQuestions(bank, rules, seededRandom(`seed-${s}`)).join());
    expect(others.some((o) => o !== a.join())).toBe(true);
  });

  it('refuses a rule the bank cannot fill, saying how many there are', () => {
    expect(() => drawQuestions(bank, [{ tag: '宪法', type: 'multiple', count: 4 }], seededRandom('x'))).toThrow(DrawError);
    expect(() => drawQuestions(bank, [{ tag: '宪法', type: 'multiple', count: 4 }], seededRandom('x'))).toThrow(
      /only 3 questions, 4 needed/,
    );
  });

  it('counts questions taken by an earlier rule as gone', () => {
    expect(() =>
      drawQuestions(
        bank,
        [
          { tag: null, type: 'truefalse', count: 3 },
          { tag: '宪法', type: 'truefalse', count: 3 },
        ],
        seededRandom('y'),
      ),
    ).toThrow(/only 2 questions/);
  });
});

describe('seededRandom', () => {
  it('yields numbers in [0, 1) that repeat for the same seed', () => {
    const a = seededRandom('s');
    const b = seededRandom('s');
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
  });
});
