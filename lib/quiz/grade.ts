import type { QuestionType, Response } from './types';

/** Grading is all-or-nothing per question: a multiple-choice answer counts only when it picks exactly the key. */
export function isCorrect(question: { type: QuestionType; answer: Response }, response: Response | null | undefined): boolean {
  if (response === null || response === undefined) return false;
  // (mutation testing: the typeof checks on these two lines narrow types for TypeScript; with a boolean key, `===`
  // already decides, and no choice question has a boolean key, so their mutants survive as equivalents)
  if (question.type === 'truefalse') return typeof response === 'boolean' && response === question.answer;
  if (typeof response === 'boolean' || typeof question.answer === 'boolean') return false;
  const picked = new Set(response);
  if (question.type === 'single' && response.length !== 1) return false;
  return picked.size === question.answer.length && question.answer.every((i) => picked.has(i));
}

export interface GradedAttempt {
  correctCount: number;
  questionCount: number;
  /** Percent of questions answered right, one decimal. */
  score: number;
  items: { questionId: string; correct: boolean }[];
}

export function gradeAttempt(
  questions: readonly { id: string; type: QuestionType; answer: Response }[],
  answers: Readonly<Record<string, Response>>,
): GradedAttempt {
  const items = questions.map((q) => ({ questionId: q.id, correct: isCorrect(q, answers[q.id]) }));
  const correctCount = items.filter((i) => i.correct).length;
  const score = questions.length === 0 ? 0 : Math.round((1000 * correctCount) / questions.length) / 10;
  return { correctCount, questionCount: questions.length, score, items };
}

/** A–E for option indices, and the app's words for true/false, for showing a key or a response. */
export function formatResponse(response: Response | null | undefined, words: { true: string; false: string }): string {
  if (response === null || response === undefined) return '—';
  if (typeof response === 'boolean') return response ? words.true : words.false;
  return [...response]
    .sort((a, b) => a - b)
    .map(optionLetter)
    .join('');
}

export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
