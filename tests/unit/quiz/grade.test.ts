import { describe, expect, it } from 'vitest';
import { formatResponse, gradeAttempt, isCorrect } from '@/lib/quiz/grade';
import type { QuestionType, Response } from '@/lib/quiz/types';

const single = { type: 'single' as QuestionType, answer: [2] };
const multiple = { type: 'multiple' as QuestionType, answer: [0, 2, 3] };
const truefalse = { type: 'truefalse' as QuestionType, answer: true };

describe('isCorrect', () => {
  it.each<[string, { type: QuestionType; answer: Response }, Response | null, boolean]>([
    ['single: the key', single, [2], true],
    ['single: another option', single, [1], false],
    ['single: two options including the key', single, [2, 1], false],
    ['single: nothing chosen', single, [], false],
    ['single: a boolean', single, true, false],
    ['multiple: exactly the key', multiple, [0, 2, 3], true],
    ['multiple: the key in another order', multiple, [3, 0, 2], true],
    ['multiple: part of the key', multiple, [0, 2], false],
    ['multiple: the key and one more', multiple, [0, 1, 2, 3], false],
    ['multiple: the key with a repeat', multiple, [0, 2, 2], false],
    ['truefalse: true', truefalse, true, true],
    ['truefalse: false', truefalse, false, false],
    ['truefalse: an index', truefalse, [0], false],
    ['unanswered', single, null, false],
  ])('%s', (_name, question, response, expected) => {
    expect(isCorrect(question, response)).toBe(expected);
  });
});

describe('gradeAttempt', () => {
  it('scores the percent of questions right, counting unanswered ones as wrong', () => {
    const questions = [
      { id: 'a', ...single },
      { id: 'b', ...multiple },
      { id: 'c', ...truefalse },
    ];
    const graded = gradeAttempt(questions, { a: [2], c: false });
    expect(graded).toEqual({
      correctCount: 1,
      questionCount: 3,
      score: 33.3,
      items: [
        { questionId: 'a', correct: true },
        { questionId: 'b', correct: false },
        { questionId: 'c', correct: false },
      ],
    });
  });

  it('gives 0 to an empty paper rather than dividing by zero', () => {
    expect(gradeAttempt([], {}).score).toBe(0);
  });
});

describe('formatResponse', () => {
  it('shows option letters in order and the words for true and false', () => {
    const words = { true: '正确', false: '错误' };
    expect(formatResponse([3, 0], words)).toBe('AD');
    expect(formatResponse(false, words)).toBe('错误');
    expect(formatResponse(null, words)).toBe('—');
  });
});

describe('grading edge cases (killing mutants in lib/quiz/grade.ts)', () => {
  const q = (id: string, type: QuestionType, answer: Response) => ({ id, type, answer });

  it('scores 2 of 3 right as 66.7 and 3 of 4 as 75, to one decimal', () => {
    const three = [q('a', 'truefalse', true), q('b', 'truefalse', false), q('c', 'truefalse', true)];
    expect(gradeAttempt(three, { a: true, b: false, c: false }).score).toBe(66.7);
    const four = [...three, q('d', 'single', [2])];
    expect(gradeAttempt(four, { a: true, b: false, c: true, d: [1] })).toMatchObject({ correctCount: 3, questionCount: 4, score: 75 });
  });

  it('marks a missing answer, a true/false answer to a choice question and a list answer to a true/false question wrong', () => {
    expect(isCorrect(q('a', 'single', [0]), undefined)).toBe(false);
    expect(isCorrect(q('a', 'single', [0]), true)).toBe(false);
    expect(isCorrect(q('a', 'truefalse', false), [0])).toBe(false);
    expect(isCorrect(q('a', 'truefalse', false), false)).toBe(true);
    expect(isCorrect(q('a', 'multiple', [0, 1]), false)).toBe(false);
  });

  it('needs exactly one pick for a single-choice question, and every key for a multiple-choice one', () => {
    expect(isCorrect(q('a', 'single', [1]), [1, 1])).toBe(false);
    expect(isCorrect(q('a', 'multiple', [0, 2]), [0, 1])).toBe(false);
    expect(isCorrect(q('a', 'multiple', [0, 2]), [2, 0])).toBe(true);
  });

  it('shows a dash for no answer', () => {
    expect(formatResponse(undefined, { true: '对', false: '错' })).toBe('—');
    expect(formatResponse(null, { true: '对', false: '错' })).toBe('—');
  });
});
