import { describe, expect, it } from 'vitest';
import { nextWrongBookEntry, type WrongBookEntry } from '@/lib/quiz/wrong-book';

/** Replays a sequence of answers to one question and reports whether it is in the book after each one. */
function replay(answers: boolean[]): boolean[] {
  let entry: WrongBookEntry | undefined;
  return answers.map((correct, i) => {
    entry = nextWrongBookEntry(entry, 'q1', correct, `2026-03-0${i + 1}T08:00:00.000Z`) ?? undefined;
    return entry !== undefined;
  });
}

describe('the wrong-answer book', () => {
  it.each<[string, boolean[], boolean[]]>([
    ['a right answer alone never enters the book', [true, true], [false, false]],
    ['a wrong answer enters it', [false], [true]],
    ['one right answer after a wrong one is not enough', [false, true], [true, true]],
    ['two right answers after a wrong one remove it', [false, true, true], [true, true, false]],
    ['a wrong answer between rights starts the count again', [false, true, false, true, true], [true, true, true, true, false]],
    ['wrong again after leaving puts it back', [false, true, true, false], [true, true, false, true]],
  ])('%s', (_name, answers, inBook) => {
    expect(replay(answers)).toEqual(inBook);
  });

  it('keeps when the question first entered and counts the wrong answers', () => {
    const first = nextWrongBookEntry(undefined, 'q1', false, '2026-03-01T08:00:00.000Z')!;
    const second = nextWrongBookEntry(first, 'q1', false, '2026-03-02T08:00:00.000Z')!;
    expect(second).toEqual({
      questionId: 'q1',
      addedAt: '2026-03-01T08:00:00.000Z',
      lastWrongAt: '2026-03-02T08:00:00.000Z',
      wrongCount: 2,
      rightStreak: 0,
    });
    expect(nextWrongBookEntry(second, 'q1', true, '2026-03-03T08:00:00.000Z')).toMatchObject({ rightStreak: 1, wrongCount: 2 });
  });
});
