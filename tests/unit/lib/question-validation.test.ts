import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/validations/field-errors';
import { questionInputSchema } from '@/lib/validations/question';

const base = {
  moduleId: 'hunyin-jiating',
  stem: '借婚姻索取财物是否被禁止？',
  explanation: '民法典第一千零四十二条禁止借婚姻索取财物。',
  basis: ['民法典:1042'],
  tags: ['婚姻家庭'],
  pool: 'practice',
  status: 'draft',
} as const;

const errorsOf = (input: unknown) => {
  const parsed = questionInputSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('a question as an administrator writes it', () => {
  it.each([
    ['single', { type: 'single', options: ['禁止', '允许', '看村规'], answer: [0] }],
    ['multiple', { type: 'multiple', options: ['禁止', '允许', '看村规', '可以索要'], answer: [2, 0] }],
    ['judge', { type: 'truefalse', options: [], answer: true }],
  ])('accepts a well-formed %s question', (_name, shape) => {
    expect(errorsOf({ ...base, ...shape })).toEqual({});
  });

  it('sorts a multiple-choice answer, drops options from a judge question and normalises the basis colon', () => {
    const multiple = questionInputSchema.parse({ ...base, type: 'multiple', options: ['a1', 'b1', 'c1'], answer: [2, 0, 2] });
    expect(multiple.answer).toEqual([0, 2]);
    const judge = questionInputSchema.parse({ ...base, type: 'truefalse', options: ['x'], answer: false, basis: ['民法典：1042'] });
    expect(judge.options).toEqual([]);
    expect(judge.basis).toEqual(['民法典:1042']);
  });

  it.each([
    ['too few options', { type: 'single', options: ['禁止', '允许'], answer: [0] }, { options: 'validation.questionOptions' }],
    [
      'an answer not among the options',
      { type: 'single', options: ['a1', 'b1', 'c1'], answer: [3] },
      { answer: 'validation.questionAnswerChoose' },
    ],
    [
      'two answers to a single-choice question',
      { type: 'single', options: ['a1', 'b1', 'c1'], answer: [0, 1] },
      { answer: 'validation.questionAnswerSingle' },
    ],
    [
      'one answer to a multiple-choice question',
      { type: 'multiple', options: ['a1', 'b1', 'c1'], answer: [1] },
      { answer: 'validation.questionAnswerMultiple' },
    ],
    [
      'a judge question answered with options',
      { type: 'truefalse', options: [], answer: [0] },
      { answer: 'validation.questionAnswerJudge' },
    ],
    ['no basis', { type: 'truefalse', options: [], answer: true, basis: [] }, { basis: 'validation.questionBasis' }],
    [
      'a basis that is no citation',
      { type: 'truefalse', options: [], answer: true, basis: ['第一千零四十二条'] },
      { basis: 'validation.questionBasisFormat' },
    ],
    ['no tag', { type: 'truefalse', options: [], answer: true, tags: [] }, { tags: 'validation.questionTags' }],
    [
      'no explanation',
      { type: 'truefalse', options: [], answer: true, explanation: ' ' },
      { explanation: 'validation.questionExplanation' },
    ],
    ['no stem', { type: 'truefalse', options: [], answer: true, stem: '' }, { stem: 'validation.questionStem' }],
  ])('names the field for %s', (_name, shape, expected) => {
    expect(errorsOf({ ...base, ...shape })).toEqual(expected);
  });
});
