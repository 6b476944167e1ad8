/**
 * The wrong-answer book (错题本): a question answered wrongly stays until it has been answered right twice since
 * its last wrong answer; another wrong answer starts the count again.
 */
export const RIGHT_ANSWERS_TO_CLEAR = 2;

export interface WrongBookEntry {
  questionId: string;
  addedAt: string;
  lastWrongAt: string;
  wrongCount: number;
  rightStreak: number;
}

/** The entry after one more answer, or null when the question leaves (or never enters) the book. */
export function nextWrongBookEntry(
  entry: WrongBookEntry | undefined,
  questionId: string,
  correct: boolean,
  at: string,
): WrongBookEntry | null {
  if (!correct) {
    return { questionId, addedAt: entry?.addedAt ?? at, lastWrongAt: at, wrongCount: (entry?.wrongCount ?? 0) + 1, rightStreak: 0 };
  }
  if (!entry) return null;
  const rightStreak = entry.rightStreak + 1;
  return rightStreak >= RIGHT_ANSWERS_TO_CLEAR ? null : { ...entry, rightStreak };
}
